-- Categories, topics and posts: the forums.

CREATE TABLE category (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    parent_id    BIGINT       NULL,
    slug         VARCHAR(80)  NOT NULL,
    name         VARCHAR(80)  NOT NULL,
    description  VARCHAR(500) NOT NULL DEFAULT '',
    color        CHAR(7)      NOT NULL DEFAULT '#1f6feb',
    position     INT          NOT NULL DEFAULT 0,
    kind         VARCHAR(20)  NOT NULL DEFAULT 'DISCUSSION',
    -- the least role that may read / start topics / reply: ANYONE, MEMBER, MODERATOR, STAFF
    read_role    VARCHAR(20)  NOT NULL DEFAULT 'ANYONE',
    create_role  VARCHAR(20)  NOT NULL DEFAULT 'MEMBER',
    reply_role   VARCHAR(20)  NOT NULL DEFAULT 'MEMBER',
    topic_count  INT          NOT NULL DEFAULT 0,
    post_count   INT          NOT NULL DEFAULT 0,
    archived_at  DATETIME(6)  NULL,
    created_at   DATETIME(6)  NOT NULL,
    version      INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_category_slug (slug),
    KEY ix_category_parent (parent_id, position),
    CONSTRAINT fk_category_parent FOREIGN KEY (parent_id) REFERENCES category (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE topic (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    category_id     BIGINT       NOT NULL,
    author_id       BIGINT       NOT NULL,
    title           VARCHAR(255) NOT NULL,
    slug            VARCHAR(255) NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    last_posted_at  DATETIME(6)  NOT NULL,
    last_poster_id  BIGINT       NOT NULL,
    reply_count     INT          NOT NULL DEFAULT 0,
    view_count      INT          NOT NULL DEFAULT 0,
    like_count      INT          NOT NULL DEFAULT 0,
    pinned_at       DATETIME(6)  NULL,
    pinned_globally BOOLEAN      NOT NULL DEFAULT FALSE,
    closed_at       DATETIME(6)  NULL,
    archived_at     DATETIME(6)  NULL,
    deleted_at      DATETIME(6)  NULL,
    solved_post_id  BIGINT       NULL,
    version         INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_topic_latest (deleted_at, last_posted_at, id),
    KEY ix_topic_category_latest (category_id, deleted_at, last_posted_at, id),
    KEY ix_topic_author (author_id, created_at),
    CONSTRAINT fk_topic_category FOREIGN KEY (category_id) REFERENCES category (id),
    CONSTRAINT fk_topic_author FOREIGN KEY (author_id) REFERENCES member (id),
    CONSTRAINT fk_topic_last_poster FOREIGN KEY (last_poster_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE post (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    topic_id         BIGINT      NOT NULL,
    post_number      INT         NOT NULL,
    author_id        BIGINT      NOT NULL,
    reply_to_post_id BIGINT      NULL,
    raw              MEDIUMTEXT  NOT NULL,
    cooked           MEDIUMTEXT  NOT NULL,
    created_at       DATETIME(6) NOT NULL,
    updated_at       DATETIME(6) NULL,
    deleted_at       DATETIME(6) NULL,
    hidden_at        DATETIME(6) NULL,
    like_count       INT         NOT NULL DEFAULT 0,
    version          INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_post_topic_number (topic_id, post_number),
    KEY ix_post_author (author_id, created_at),
    CONSTRAINT fk_post_topic FOREIGN KEY (topic_id) REFERENCES topic (id),
    CONSTRAINT fk_post_author FOREIGN KEY (author_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
