-- Surveys and their questions. A survey's questions belong to a version: once a version
-- has responses it is never changed, an edit makes a new version.

CREATE TABLE survey (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    survey_key    VARCHAR(64)  NOT NULL,
    name          VARCHAR(120) NOT NULL,
    status        VARCHAR(20)  NOT NULL DEFAULT 'DRAFT',
    current_version INT        NOT NULL DEFAULT 1,
    created_at    DATETIME(6)  NOT NULL,
    published_at  DATETIME(6)  NULL,
    closed_at     DATETIME(6)  NULL,
    version       INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_survey_key (survey_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE survey_question (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    survey_id      BIGINT       NOT NULL,
    survey_version INT          NOT NULL,
    position       INT          NOT NULL,
    question_type  VARCHAR(20)  NOT NULL,
    required       BOOLEAN      NOT NULL DEFAULT TRUE,
    prompt_en      VARCHAR(500) NOT NULL,
    prompt_zh      VARCHAR(500) NULL,
    prompt_ru      VARCHAR(500) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_survey_question_position (survey_id, survey_version, position),
    CONSTRAINT fk_survey_question_survey FOREIGN KEY (survey_id) REFERENCES survey (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
