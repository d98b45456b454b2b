-- Surveys grow their settings (where and how often they are shown, thank-you screen,
-- retention, webhook) and their questions grow scales, choices and conditions; responses
-- are stored per answered question, tied to the version answered.

ALTER TABLE survey
    ADD COLUMN display_mode      VARCHAR(10)   NOT NULL DEFAULT 'INLINE',
    ADD COLUMN allowed_origins   VARCHAR(2000) NULL,
    ADD COLUMN thank_you_en      VARCHAR(500)  NULL,
    ADD COLUMN thank_you_zh      VARCHAR(500)  NULL,
    ADD COLUMN thank_you_ru      VARCHAR(500)  NULL,
    ADD COLUMN thank_you_link    VARCHAR(500)  NULL,
    ADD COLUMN sampling_percent  INT           NOT NULL DEFAULT 100,
    ADD COLUMN starts_at         DATETIME(6)   NULL,
    ADD COLUMN ends_at           DATETIME(6)   NULL,
    ADD COLUMN max_responses     INT           NULL,
    ADD COLUMN once_per_respondent BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN priority          INT           NOT NULL DEFAULT 0,
    ADD COLUMN recontact_days    INT           NULL,
    ADD COLUMN retention_days    INT           NULL,
    ADD COLUMN trigger_kind      VARCHAR(20)   NULL,
    ADD COLUMN trigger_days      INT           NULL,
    ADD COLUMN webhook_url       VARCHAR(500)  NULL,
    ADD COLUMN webhook_secret    VARCHAR(100)  NULL,
    ADD COLUMN archived_at       DATETIME(6)   NULL,
    ADD COLUMN response_count    INT           NOT NULL DEFAULT 0;

ALTER TABLE survey_question
    ADD COLUMN question_key   VARCHAR(40)  NOT NULL DEFAULT '',
    ADD COLUMN low_label_en   VARCHAR(100) NULL,
    ADD COLUMN low_label_zh   VARCHAR(100) NULL,
    ADD COLUMN low_label_ru   VARCHAR(100) NULL,
    ADD COLUMN high_label_en  VARCHAR(100) NULL,
    ADD COLUMN high_label_zh  VARCHAR(100) NULL,
    ADD COLUMN high_label_ru  VARCHAR(100) NULL,
    ADD COLUMN options_en     TEXT         NULL,
    ADD COLUMN options_zh     TEXT         NULL,
    ADD COLUMN options_ru     TEXT         NULL,
    ADD COLUMN allow_other    BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN show_if_key    VARCHAR(40)  NULL,
    ADD COLUMN show_if_op     VARCHAR(2)   NULL,
    ADD COLUMN show_if_value  INT          NULL;

-- a question keeps its key across versions, so results line up version after version
UPDATE survey_question SET question_key = CONCAT('q', position) WHERE question_key = '';

-- one row per response; public_id is the id the answering page carries, so a retried
-- submit finds the response it already made
CREATE TABLE survey_response (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    public_id       CHAR(36)      NOT NULL,
    survey_id       BIGINT        NOT NULL,
    survey_version  INT           NOT NULL,
    respondent_hash CHAR(64)      NULL,
    channel         VARCHAR(10)   NOT NULL,
    page_url        VARCHAR(1000) NULL,
    locale          VARCHAR(10)   NOT NULL,
    device          VARCHAR(10)   NOT NULL,
    hidden_fields   TEXT          NULL,
    personal_link_id BIGINT       NULL,
    status          VARCHAR(10)   NOT NULL,
    started_at      DATETIME(6)   NOT NULL,
    completed_at    DATETIME(6)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_survey_response_public (public_id),
    KEY ix_survey_response_survey (survey_id, id),
    KEY ix_survey_response_respondent (respondent_hash),
    KEY ix_survey_response_started (started_at),
    CONSTRAINT fk_survey_response_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE survey_answer (
    response_id  BIGINT NOT NULL,
    question_id  BIGINT NOT NULL,
    number_value INT          NULL,
    choice_values VARCHAR(100) NULL,
    text_value   TEXT         NULL,
    PRIMARY KEY (response_id, question_id),
    CONSTRAINT fk_survey_answer_response FOREIGN KEY (response_id) REFERENCES survey_response (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the contact budget of a respondent (hashed id), kept on the server for every channel
CREATE TABLE survey_contact (
    respondent_hash CHAR(64)    NOT NULL,
    survey_id       BIGINT      NOT NULL,
    shown_at        DATETIME(6) NULL,
    answered_at     DATETIME(6) NULL,
    dismissed_at    DATETIME(6) NULL,
    PRIMARY KEY (respondent_hash, survey_id),
    KEY ix_survey_contact_survey (survey_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- fixed-window counters for the rate limits, shared by every node
CREATE TABLE survey_rate_limit (
    bucket       VARCHAR(100) NOT NULL,
    window_start BIGINT       NOT NULL,
    hits         INT          NOT NULL,
    PRIMARY KEY (bucket, window_start),
    KEY ix_survey_rate_limit_window (window_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- single-use personal links; the token is signed, the row records its use
CREATE TABLE survey_personal_link (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    survey_id  BIGINT       NOT NULL,
    label      VARCHAR(200) NULL,
    created_at DATETIME(6)  NOT NULL,
    used_at    DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_survey_personal_link_survey (survey_id),
    CONSTRAINT fk_survey_personal_link_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- invitations the portal shows a member (forum triggers); one per member and survey
CREATE TABLE survey_invitation (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    survey_id  BIGINT      NOT NULL,
    member_id  BIGINT      NOT NULL,
    reason     VARCHAR(20) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    closed_at  DATETIME(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_survey_invitation (survey_id, member_id),
    KEY ix_survey_invitation_member (member_id, closed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- completed responses waiting to be POSTed to a survey's webhook (durable queue)
CREATE TABLE survey_webhook_delivery (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    survey_id       BIGINT        NOT NULL,
    response_id     BIGINT        NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    delivered_at    DATETIME(6)   NULL,
    last_error      VARCHAR(500)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_survey_webhook_response (response_id),
    KEY ix_survey_webhook_due (delivered_at, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- secrets generated once per installation and shared by every node (token signing,
-- respondent id hashing)
CREATE TABLE survey_secret (
    name   VARCHAR(40)  NOT NULL,
    secret VARCHAR(128) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
