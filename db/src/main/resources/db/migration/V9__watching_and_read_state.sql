-- Watching, tracking and muting topics and categories, and how far each member has read.
-- level: 0 muted, 1 normal, 2 tracking, 3 watching; NULL on topic_member means "not chosen":
-- the category's level (or normal) applies.

CREATE TABLE topic_member (
    member_id             BIGINT      NOT NULL,
    topic_id              BIGINT      NOT NULL,
    level                 TINYINT     NULL,
    -- why the level is what it is: CHOSEN, CREATED (started the topic), REPLIED
    level_reason          VARCHAR(16) NULL,
    last_read_post_number INT         NOT NULL DEFAULT 0,
    first_visited_at      DATETIME(6) NULL,
    last_visited_at       DATETIME(6) NULL,
    PRIMARY KEY (member_id, topic_id),
    KEY ix_topic_member_level (topic_id, level),
    CONSTRAINT fk_topic_member_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE,
    CONSTRAINT fk_topic_member_topic FOREIGN KEY (topic_id) REFERENCES topic (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE category_member (
    member_id   BIGINT  NOT NULL,
    category_id BIGINT  NOT NULL,
    level       TINYINT NOT NULL,
    PRIMARY KEY (member_id, category_id),
    KEY ix_category_member_level (category_id, level),
    CONSTRAINT fk_category_member_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE,
    CONSTRAINT fk_category_member_category FOREIGN KEY (category_id) REFERENCES category (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
