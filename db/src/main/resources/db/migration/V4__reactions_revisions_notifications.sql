-- Reactions on posts, post revisions and soft deletes, and notifications.

-- One row per member, post and kind of reaction; the counts shown live on post.like_count
-- (likes) and post_reaction_count (every kind), changed in the same transaction.
CREATE TABLE post_reaction (
    post_id    BIGINT      NOT NULL,
    member_id  BIGINT      NOT NULL,
    reaction   VARCHAR(20) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (post_id, member_id, reaction),
    KEY ix_post_reaction_member (member_id, created_at),
    CONSTRAINT fk_post_reaction_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE,
    CONSTRAINT fk_post_reaction_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE post_reaction_count (
    post_id  BIGINT      NOT NULL,
    reaction VARCHAR(20) NOT NULL,
    total    INT         NOT NULL,
    PRIMARY KEY (post_id, reaction),
    CONSTRAINT fk_post_reaction_count_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every edit keeps the text it replaced.
CREATE TABLE post_revision (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    post_id     BIGINT       NOT NULL,
    revision    INT          NOT NULL,
    title       VARCHAR(255) NULL,
    raw         MEDIUMTEXT   NOT NULL,
    edited_by   BIGINT       NOT NULL,
    edited_at   DATETIME(6)  NOT NULL,
    redacted_at DATETIME(6)  NULL,
    redacted_by BIGINT       NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_post_revision (post_id, revision),
    CONSTRAINT fk_post_revision_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE post ADD COLUMN revision_count INT NOT NULL DEFAULT 0;
ALTER TABLE post ADD COLUMN deleted_by BIGINT NULL;

-- What a member is told about: mentions, replies, accepted answers, reactions, ...
CREATE TABLE notification (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    member_id   BIGINT       NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    actor_id    BIGINT       NULL,
    topic_id    BIGINT       NULL,
    post_number INT          NULL,
    detail      VARCHAR(255) NULL,
    created_at  DATETIME(6)  NOT NULL,
    read_at     DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_notification_member (member_id, read_at, id),
    CONSTRAINT fk_notification_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE member ADD COLUMN unread_notifications INT NOT NULL DEFAULT 0;
