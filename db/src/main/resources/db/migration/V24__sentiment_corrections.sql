-- Staff correct the sentiment label of an open-text answer. The answer then carries the
-- corrected label (lists, filters and rollups follow it); the analyser's own label is
-- kept here, so the corrections measure how often the analyser is wrong, and in which way.
CREATE TABLE sentiment_correction (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    survey_id        BIGINT      NOT NULL,
    response_id      BIGINT      NOT NULL,
    question_id      BIGINT      NOT NULL,
    analyser_label   VARCHAR(12) NOT NULL,
    corrected_label  VARCHAR(12) NOT NULL,
    corrected_by     BIGINT      NOT NULL,
    corrected_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_sentiment_correction_answer (response_id, question_id),
    KEY ix_sentiment_correction_survey (survey_id, analyser_label, corrected_label),
    CONSTRAINT fk_sentiment_correction_answer FOREIGN KEY (response_id, question_id)
        REFERENCES survey_answer (response_id, question_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
