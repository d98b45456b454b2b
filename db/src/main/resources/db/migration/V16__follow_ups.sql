-- Closing the loop: a follow-up is opened for every detractor response and every post
-- whose sentiment falls below a threshold; staff own it, contact the customer and record
-- what happened.

-- which member a hashed respondent id belongs to, so a member's survey response can be
-- followed up in the portal; written when the portal computes a member's respondent id
CREATE TABLE survey_member_respondent (
    respondent_hash CHAR(64) NOT NULL,
    member_id       BIGINT   NOT NULL,
    PRIMARY KEY (respondent_hash),
    KEY ix_survey_member_respondent_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE follow_up (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    source           VARCHAR(10)   NOT NULL,
    -- exactly one of the two sources is set; unique so an event delivered twice opens one
    response_id      BIGINT        NULL,
    post_id          BIGINT        NULL,
    survey_id        BIGINT        NULL,
    respondent_hash  CHAR(64)      NULL,
    member_id        BIGINT        NULL,
    contact_email    VARCHAR(254)  NULL,
    score            INT           NULL,
    sentiment_score  DOUBLE        NULL,
    excerpt          VARCHAR(500)  NULL,
    status           VARCHAR(10)   NOT NULL,
    owner_id         BIGINT        NULL,
    due_at           DATETIME(6)   NOT NULL,
    created_at       DATETIME(6)   NOT NULL,
    contacted_at     DATETIME(6)   NULL,
    closed_at        DATETIME(6)   NULL,
    conversation_id  BIGINT        NULL,
    last_reply_at    DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_follow_up_response (response_id),
    UNIQUE KEY uk_follow_up_post (post_id),
    KEY ix_follow_up_status (status, id),
    KEY ix_follow_up_owner (owner_id, status, id),
    KEY ix_follow_up_created (created_at),
    KEY ix_follow_up_respondent (respondent_hash),
    KEY ix_follow_up_member (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the follow-up's timeline: notes, changes, messages sent and the customer's replies
CREATE TABLE follow_up_event (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    follow_up_id BIGINT      NOT NULL,
    kind         VARCHAR(20) NOT NULL,
    actor_id     BIGINT      NULL,
    body         TEXT        NULL,
    created_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_follow_up_event_follow_up (follow_up_id, id),
    CONSTRAINT fk_follow_up_event_follow_up FOREIGN KEY (follow_up_id) REFERENCES follow_up (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the private conversations staff started from a follow-up: the customer's answers in
-- any of them come back into the follow-up
CREATE TABLE follow_up_conversation (
    conversation_id BIGINT NOT NULL,
    follow_up_id    BIGINT NOT NULL,
    PRIMARY KEY (conversation_id),
    KEY ix_follow_up_conversation_follow_up (follow_up_id, conversation_id),
    CONSTRAINT fk_follow_up_conversation_follow_up FOREIGN KEY (follow_up_id) REFERENCES follow_up (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
