-- Coarser survey rollups, so that the results page reads a few thousand rows whatever the
-- number of responses. survey_rollup keeps one row per day and combination of channel,
-- locale and device (hundreds a day for a busy survey). The page now reads these instead,
-- written by the same batch as survey_rollup (so they never disagree with it):
--
-- survey_total_rollup: the counts of a survey, question and bucket (buckets as in
-- survey_rollup) without the dimensions, per span: 'D' a day, 'W' the week starting on
-- first_day (a Monday), 'M' the month starting on first_day. A period is read as its whole
-- months, then whole weeks, then single days, so 365 days are about 25 spans.
CREATE TABLE survey_total_rollup (
    survey_id    BIGINT      NOT NULL,
    span         CHAR(1)     NOT NULL,
    first_day    DATE        NOT NULL,
    question_key VARCHAR(40) NOT NULL,
    bucket       VARCHAR(16) NOT NULL,
    answers      BIGINT      NOT NULL,
    PRIMARY KEY (survey_id, span, first_day, question_key, bucket)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- survey_dimension_rollup: the same counts for one value of one dimension at a time
-- (dimension 'CHANNEL', 'LOCALE' or 'DEVICE'), for the breakdowns. An unknown value ('')
-- is not broken down and has no rows.
CREATE TABLE survey_dimension_rollup (
    survey_id       BIGINT      NOT NULL,
    span            CHAR(1)     NOT NULL,
    first_day       DATE        NOT NULL,
    dimension       VARCHAR(8)  NOT NULL,
    dimension_value VARCHAR(10) NOT NULL,
    question_key    VARCHAR(40) NOT NULL,
    bucket          VARCHAR(16) NOT NULL,
    answers         BIGINT      NOT NULL,
    PRIMARY KEY (survey_id, span, first_day, dimension, dimension_value, question_key, bucket)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Filled from survey_rollup, so figures counted before (also of responses since deleted)
-- stay as they are.
INSERT INTO survey_total_rollup (survey_id, span, first_day, question_key, bucket, answers)
SELECT r.survey_id, s.span,
       CASE s.span WHEN 'D' THEN r.day
                   WHEN 'W' THEN r.day - INTERVAL WEEKDAY(r.day) DAY
                   ELSE r.day - INTERVAL (DAYOFMONTH(r.day) - 1) DAY END AS first_day,
       r.question_key, r.bucket, SUM(r.answers)
FROM survey_rollup r
CROSS JOIN (SELECT 'D' AS span UNION ALL SELECT 'W' UNION ALL SELECT 'M') s
GROUP BY r.survey_id, s.span, first_day, r.question_key, r.bucket;

INSERT INTO survey_dimension_rollup (survey_id, span, first_day, dimension, dimension_value, question_key, bucket,
                                     answers)
SELECT r.survey_id, s.span,
       CASE s.span WHEN 'D' THEN r.day
                   WHEN 'W' THEN r.day - INTERVAL WEEKDAY(r.day) DAY
                   ELSE r.day - INTERVAL (DAYOFMONTH(r.day) - 1) DAY END AS first_day,
       d.dimension,
       CASE d.dimension WHEN 'CHANNEL' THEN r.channel WHEN 'LOCALE' THEN r.locale ELSE r.device END AS dimension_value,
       r.question_key, r.bucket, SUM(r.answers)
FROM survey_rollup r
CROSS JOIN (SELECT 'D' AS span UNION ALL SELECT 'W' UNION ALL SELECT 'M') s
CROSS JOIN (SELECT 'CHANNEL' AS dimension UNION ALL SELECT 'LOCALE' UNION ALL SELECT 'DEVICE') d
GROUP BY r.survey_id, s.span, first_day, d.dimension, dimension_value, r.question_key, r.bucket
HAVING dimension_value <> '';
