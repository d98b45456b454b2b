-- Engagement measured first-party: one row per day (in the brand's time zone), metric and
-- channel, holding a count that is only ever added to. Page views and visits are counted
-- in memory by each node and added here in batches every few seconds (so a page view
-- never waits for a write); mails sent and clicked are added in the transaction that
-- sends or records them. Metrics: 'page_view', 'visit', 'multi_page_visit' (channel
-- 'member' or 'visitor'), 'survey_shown', 'survey_opened' (channel 'embed', 'topic',
-- 'invitation'), 'mail_sent', 'mail_clicked' (channel 'mail-immediate', 'mail-digest').
CREATE TABLE engagement_day (
    day     DATE        NOT NULL,
    metric  VARCHAR(24) NOT NULL,
    channel VARCHAR(24) NOT NULL,
    total   BIGINT      NOT NULL,
    PRIMARY KEY (day, metric, channel)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The mails already clicked, so a mail counts as clicked once however often its links are
-- followed. The id is random per mail and tells nothing of whom it went to; rows older
-- than the click window (31 days) are purged.
CREATE TABLE mail_click (
    mail_id    CHAR(16)    NOT NULL,
    clicked_at DATETIME(3) NOT NULL,
    PRIMARY KEY (mail_id),
    KEY ix_mail_click_at (clicked_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
