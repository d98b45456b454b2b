-- The review queue and what flows into it: flags, posts held for approval, watched words,
-- spam signals, rate limits, appeals; moderation settings changed by staff.

-- Settings staff change in the browser; a missing row means the documented default
-- (application properties rapport.review.*).
CREATE TABLE review_setting (
    name       VARCHAR(60) NOT NULL,
    value      INT         NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    updated_by BIGINT      NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A post written by a member who may not publish directly yet (new member, watched word,
-- spam signal). Nobody else can see it: it is not a post until a moderator approves it.
CREATE TABLE queued_post (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    author_id            BIGINT       NOT NULL,
    category_id          BIGINT       NOT NULL,
    topic_id             BIGINT       NULL,
    title                VARCHAR(255) NULL,
    raw                  MEDIUMTEXT   NOT NULL,
    reply_to_post_number INT          NULL,
    created_at           DATETIME(6)  NOT NULL,
    status               VARCHAR(20)  NOT NULL DEFAULT 'PENDING',
    post_id              BIGINT       NULL,
    decided_at           DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_queued_post_author (author_id, status, created_at),
    CONSTRAINT fk_queued_post_author FOREIGN KEY (author_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One item of the review queue. open_key is set while the item is pending ('post:42'),
-- so a post has at most one open item; it is cleared when the item is decided.
CREATE TABLE review_item (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    kind                   VARCHAR(20)   NOT NULL,
    status                 VARCHAR(20)   NOT NULL DEFAULT 'PENDING',
    reasons                VARCHAR(500)  NOT NULL,
    score                  DECIMAL(8, 2) NOT NULL DEFAULT 0,
    priority               INT           NOT NULL,
    post_id                BIGINT        NULL,
    queued_post_id         BIGINT        NULL,
    appeal_id              BIGINT        NULL,
    author_id              BIGINT        NOT NULL,
    category_id            BIGINT        NULL,
    topic_id               BIGINT        NULL,
    open_key               VARCHAR(40)   NULL,
    excluded_moderator_id  BIGINT        NULL,
    created_at             DATETIME(6)   NOT NULL,
    claimed_by             BIGINT        NULL,
    claimed_at             DATETIME(6)   NULL,
    decided_by             BIGINT        NULL,
    decided_at             DATETIME(6)   NULL,
    decision               VARCHAR(20)   NULL,
    decision_note          VARCHAR(500)  NULL,
    overturned_at          DATETIME(6)   NULL,
    version                INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_review_item_open (open_key),
    KEY ix_review_item_queue (status, priority DESC, id),
    KEY ix_review_item_queue_kind (status, kind, priority DESC, id),
    KEY ix_review_item_queue_category (status, category_id, priority DESC, id),
    KEY ix_review_item_decided (decided_at, decided_by),
    KEY ix_review_item_post (post_id),
    KEY ix_review_item_author (author_id, decided_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One flag per member and post. The weight and what it was made of are kept as they were
-- when the flag was raised, so moderators see why it counts as much as it does.
CREATE TABLE post_flag (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    post_id           BIGINT        NOT NULL,
    flagger_id        BIGINT        NOT NULL,
    reason            VARCHAR(20)   NOT NULL,
    note              VARCHAR(500)  NULL,
    weight            DECIMAL(6, 2) NOT NULL,
    trust_level       TINYINT       NOT NULL,
    moderator         BOOLEAN       NOT NULL DEFAULT FALSE,
    agreed_before     INT           NOT NULL,
    disagreed_before  INT           NOT NULL,
    review_item_id    BIGINT        NULL,
    created_at        DATETIME(6)   NOT NULL,
    outcome           VARCHAR(20)   NULL,
    decided_at        DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_post_flag (post_id, flagger_id),
    KEY ix_post_flag_flagger (flagger_id, outcome),
    KEY ix_post_flag_item (review_item_id),
    KEY ix_post_flag_created (created_at, post_id),
    CONSTRAINT fk_post_flag_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE,
    CONSTRAINT fk_post_flag_flagger FOREIGN KEY (flagger_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Words and phrases staff watch for. The collation makes patterns unique regardless of case.
CREATE TABLE watched_word (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    pattern    VARCHAR(100) NOT NULL,
    action     VARCHAR(20)  NOT NULL,
    created_by BIGINT       NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_watched_word_pattern (pattern)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Actions counted for rate limits (posts, topics, flags), shared by every app node.
-- fingerprint: SHA-256 of the normalised text of a post, to notice the same text posted again.
CREATE TABLE member_action (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    member_id   BIGINT      NOT NULL,
    action      VARCHAR(20) NOT NULL,
    acted_at    DATETIME(6) NOT NULL,
    fingerprint CHAR(64)    NULL,
    PRIMARY KEY (id),
    KEY ix_member_action (member_id, action, acted_at),
    KEY ix_member_action_time (acted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A member asks once for a decision against them to be looked at again.
-- subject: POST (hidden or deleted), QUEUED_POST (not approved) or SANCTION.
CREATE TABLE appeal (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    member_id           BIGINT        NOT NULL,
    subject             VARCHAR(20)   NOT NULL,
    subject_id          BIGINT        NOT NULL,
    decision_item_id    BIGINT        NULL,
    decided_moderator   BIGINT        NULL,
    statement           VARCHAR(2000) NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    outcome             VARCHAR(20)   NULL,
    decided_by          BIGINT        NULL,
    decided_at          DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_appeal_once (member_id, subject, subject_id),
    CONSTRAINT fk_appeal_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
