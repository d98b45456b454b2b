-- A dispatcher claims the outbox rows it is about to send (a per-batch token and a lease),
-- so two nodes never send the same row at once, a node that stops hands back what it
-- claimed but did not send, and the claims of a node that died expire with their lease.
ALTER TABLE mail_outbox
    ADD COLUMN claimed_by    CHAR(36)    NULL,
    ADD COLUMN claimed_until DATETIME(6) NULL,
    ADD KEY ix_mail_outbox_claim (claimed_by);

ALTER TABLE survey_webhook_delivery
    ADD COLUMN claimed_by    CHAR(36)    NULL,
    ADD COLUMN claimed_until DATETIME(6) NULL,
    ADD KEY ix_survey_webhook_claim (claimed_by);
