-- An edit of a published post that screening held for review (watched word, too many links)
-- waits in queued_post like a new post; edit_of_post_id says which post it replaces the text of.
ALTER TABLE queued_post ADD COLUMN edit_of_post_id BIGINT NULL;
