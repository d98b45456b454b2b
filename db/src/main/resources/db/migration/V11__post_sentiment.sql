-- The sentiment of each post, scored when it is written or edited (and by the backfill
-- command for older rows): score -1..1, label, detected language and the words that drove it.
ALTER TABLE post
    ADD COLUMN sentiment_score    DECIMAL(5, 4) NULL,
    ADD COLUMN sentiment_label    VARCHAR(12)   NULL,
    ADD COLUMN sentiment_language VARCHAR(8)    NULL,
    ADD COLUMN sentiment_drivers  VARCHAR(500)  NULL,
    ADD KEY ix_post_sentiment (sentiment_label, created_at);
