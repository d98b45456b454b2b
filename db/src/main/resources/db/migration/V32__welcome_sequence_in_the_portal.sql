-- The welcome sequence becomes messages in the portal, mailed too when the member wants
-- welcome mail. A step row is still claimed once (UPDATE ... WHERE sent_at IS NULL) and
-- the claim covers both the portal message and the mail, so the table is renamed for
-- what it holds now.
RENAME TABLE welcome_mail TO welcome_step;

-- The member's own choice to receive the sequence at all: turning it off stops the
-- portal messages and the mails. email_welcome stays the choice of the mail copies.
ALTER TABLE member
    ADD COLUMN welcome_messages BOOLEAN NOT NULL DEFAULT TRUE;

-- Staff turn the whole sequence on or off, and its mail copies separately.
ALTER TABLE member_setting
    RENAME COLUMN welcome_mails TO welcome_sequence;
ALTER TABLE member_setting
    ADD COLUMN welcome_by_mail BOOLEAN NOT NULL DEFAULT TRUE;
