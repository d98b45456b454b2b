-- Pinned topics are few: an index lets the first page of a list find them without reading
-- every topic (measured: 67 ms of database time per home page on 50,000 topics without it).
CREATE INDEX ix_topic_pinned ON topic (pinned_at);
-- "New" lists sort by creation time.
CREATE INDEX ix_topic_category_created ON topic (category_id, deleted_at, created_at, id);
CREATE INDEX ix_topic_created ON topic (deleted_at, created_at, id);
