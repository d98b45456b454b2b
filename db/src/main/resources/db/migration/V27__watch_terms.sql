-- Watch terms (social listening): staff name products and competitors, and every post and
-- every open-text answer of a completed response that mentions one is counted as it is
-- written, on its day in the brand's time zone, with its sentiment label. A term added
-- later is counted over the older content by a background job (backfilled_at set when
-- done). A mention row per term and item makes counting idempotent (the live path and the
-- backfill may meet on the same post) and lists the posts behind the figures; the day rows
-- are what the charts read. Counts are never decremented, so a past week keeps its figure
-- when content is later moderated or deleted on request.
CREATE TABLE watch_term (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    term          VARCHAR(100) NOT NULL,
    created_by    BIGINT       NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    backfilled_at DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_watch_term (term)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- source POST: item_id is the post, item_key 0; source ANSWER: item_id the response,
-- item_key the question
CREATE TABLE watch_term_mention (
    term_id      BIGINT      NOT NULL,
    source       VARCHAR(8)  NOT NULL,
    item_id      BIGINT      NOT NULL,
    item_key     BIGINT      NOT NULL,
    mentioned_at DATETIME(6) NOT NULL,
    label        VARCHAR(12) NOT NULL,
    PRIMARY KEY (term_id, source, item_id, item_key),
    KEY ix_watch_term_mention_recent (term_id, mentioned_at),
    CONSTRAINT fk_watch_term_mention_term FOREIGN KEY (term_id) REFERENCES watch_term (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE watch_term_day (
    term_id  BIGINT NOT NULL,
    day      DATE   NOT NULL,
    mentions INT    NOT NULL DEFAULT 0,
    negative INT    NOT NULL DEFAULT 0,
    neutral  INT    NOT NULL DEFAULT 0,
    positive INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (term_id, day),
    CONSTRAINT fk_watch_term_day_term FOREIGN KEY (term_id) REFERENCES watch_term (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- one alert per term and week (Monday, brand time zone), whichever node finds it first
CREATE TABLE watch_term_alert (
    term_id        BIGINT      NOT NULL,
    week_start     DATE        NOT NULL,
    analysed       INT         NOT NULL,
    negative_share DOUBLE      NOT NULL,
    baseline_share DOUBLE      NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (term_id, week_start),
    CONSTRAINT fk_watch_term_alert_term FOREIGN KEY (term_id) REFERENCES watch_term (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The score of each scale question per hidden field value (the host page's fields, e.g.
-- plan=pro, passed to an embed or a link as h.plan=pro and stored with the response),
-- counted when a response is completed, on that day: bucket 'v<k>' as in survey_rollup.
-- Like survey_rollup, rows are only ever incremented, so figures stay when responses are
-- later deleted; rebuilt with the survey rollups (--rapport.rollups.rebuild=true). Values
-- that differ only in case are counted as one, like every text key of the schema.
CREATE TABLE survey_hidden_rollup (
    survey_id    BIGINT       NOT NULL,
    day          DATE         NOT NULL,
    field_name   VARCHAR(40)  NOT NULL,
    field_value  VARCHAR(200) NOT NULL,
    question_key VARCHAR(40)  NOT NULL,
    bucket       VARCHAR(16)  NOT NULL,
    answers      BIGINT       NOT NULL,
    PRIMARY KEY (survey_id, day, field_name, field_value, question_key, bucket)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
