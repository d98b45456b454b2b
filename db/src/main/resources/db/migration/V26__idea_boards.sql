-- Idea boards: in a category of kind IDEAS members vote for topics, and staff or moderators
-- give each idea a status.

-- One vote per member and topic: the primary key makes a second vote impossible, also
-- when two arrive at once.
CREATE TABLE idea_vote (
    topic_id   BIGINT      NOT NULL,
    member_id  BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (topic_id, member_id),
    KEY ix_idea_vote_member (member_id, topic_id),
    CONSTRAINT fk_idea_vote_topic FOREIGN KEY (topic_id) REFERENCES topic (id),
    CONSTRAINT fk_idea_vote_member FOREIGN KEY (member_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The votes counted on the topic row (kept in the transaction of each vote, under a lock
-- on the topic row), so lists read and sort it without counting; the status is NULL, or
-- UNDER_REVIEW, PLANNED, DONE, DECLINED.
ALTER TABLE topic
    ADD COLUMN vote_count INT NOT NULL DEFAULT 0,
    ADD COLUMN idea_status VARCHAR(20) NULL;

-- An idea board's list sorted by votes reads one index range, like the other orders.
CREATE INDEX ix_topic_category_votes ON topic (category_id, deleted_at, vote_count, id);

-- A new member's topic that waits for approval keeps the tags it was given, and gets them
-- when it is published.
ALTER TABLE queued_post ADD COLUMN tags VARCHAR(400) NULL;
