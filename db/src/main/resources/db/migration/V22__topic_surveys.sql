-- A survey shown inline in a topic: a poll whose results the member sees after voting,
-- or a survey whose answers stay private. One survey per topic; the answers are ordinary
-- survey responses (channel FORUM), so the survey keeps its own rules and results.
CREATE TABLE topic_survey (
    topic_id    BIGINT      NOT NULL,
    survey_id   BIGINT      NOT NULL,
    mode        VARCHAR(10) NOT NULL,
    attached_by BIGINT      NOT NULL,
    attached_at DATETIME(6) NOT NULL,
    PRIMARY KEY (topic_id),
    KEY ix_topic_survey_survey (survey_id),
    CONSTRAINT fk_topic_survey_topic FOREIGN KEY (topic_id) REFERENCES topic (id) ON DELETE CASCADE,
    CONSTRAINT fk_topic_survey_survey FOREIGN KEY (survey_id) REFERENCES survey (id) ON DELETE CASCADE,
    CONSTRAINT fk_topic_survey_member FOREIGN KEY (attached_by) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
