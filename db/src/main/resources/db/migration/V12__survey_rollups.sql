-- Survey results read rollups, never the raw answers: one row per survey, question key,
-- day (in the brand's time zone), channel, locale, device and bucket, holding a count.
-- Buckets: 'v<k>' answers with scale value k, 'c<k>' picks of option k ('c0' "Other"),
-- 'n' answers given in completed responses, 'r' answers given in any started response
-- (drop-off), 's:<LABEL>' open-text answers by sentiment label; question key '' holds the
-- survey's funnel: 'shown', 'started', 'completed'. Rows are only ever incremented, so
-- counts stay when responses are later deleted (privacy, retention).
CREATE TABLE survey_rollup (
    survey_id    BIGINT      NOT NULL,
    question_key VARCHAR(40) NOT NULL,
    day          DATE        NOT NULL,
    channel      VARCHAR(10) NOT NULL,
    locale       VARCHAR(10) NOT NULL,
    device       VARCHAR(10) NOT NULL,
    bucket       VARCHAR(16) NOT NULL,
    answers      BIGINT      NOT NULL,
    PRIMARY KEY (survey_id, day, question_key, channel, locale, device, bucket)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The sentiment of each open-text answer, scored when it is stored (and by the backfill
-- command for older rows): score -1..1, label, detected language and the driving words.
ALTER TABLE survey_answer
    ADD COLUMN sentiment_score    DECIMAL(5, 4) NULL,
    ADD COLUMN sentiment_label    VARCHAR(12)   NULL,
    ADD COLUMN sentiment_language VARCHAR(8)    NULL,
    ADD COLUMN sentiment_drivers  VARCHAR(500)  NULL;
