-- Email about notifications, the welcome sequence, unsubscribe links and account deletion.

-- The language a member reads mail in (the last one they used the portal in), when they
-- were last active (no mail about what they may be reading right now), and what mail they
-- want. email_personal covers mentions, private messages and accepted answers;
-- email_frequency is IMMEDIATE, DAILY or NEVER. A deleted account keeps its row (posts
-- point at it) with every personal column blanked and deleted_at set.
ALTER TABLE member
    ADD COLUMN locale          VARCHAR(10) NULL,
    ADD COLUMN email_personal  BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN email_replies   BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN email_watched   BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN email_welcome   BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN email_frequency VARCHAR(10) NOT NULL DEFAULT 'IMMEDIATE',
    ADD COLUMN last_digest_at  DATETIME(6) NULL,
    ADD COLUMN deleted_at      DATETIME(6) NULL;

-- when a notification went out by mail (or was decided not to: then skipped); a
-- notification is mailed at most once
ALTER TABLE notification
    ADD COLUMN emailed_at DATETIME(6) NULL,
    ADD KEY ix_notification_unmailed (emailed_at, read_at, created_at);

-- RFC 8058 one-click unsubscribe: the List-Unsubscribe URL of a mail
ALTER TABLE mail_outbox
    ADD COLUMN list_unsubscribe VARCHAR(500) NULL;

-- The welcome sequence: one row per member and step, claimed by the job that sends it with
-- an UPDATE ... WHERE sent_at IS NULL, so two app nodes never both send a step.
CREATE TABLE welcome_mail (
    member_id BIGINT      NOT NULL,
    step      TINYINT     NOT NULL,
    due_at    DATETIME(6) NOT NULL,
    sent_at   DATETIME(6) NULL,
    PRIMARY KEY (member_id, step),
    KEY ix_welcome_mail_due (sent_at, due_at),
    CONSTRAINT fk_welcome_mail_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Staff choices about members' mail and deleted accounts: one row.
-- deleted_posts: KEEP (shown under "former member") or REMOVE.
CREATE TABLE member_setting (
    id            TINYINT     NOT NULL,
    welcome_mails BOOLEAN     NOT NULL DEFAULT TRUE,
    deleted_posts VARCHAR(10) NOT NULL DEFAULT 'KEEP',
    updated_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO member_setting (id, welcome_mails, deleted_posts, updated_at) VALUES (1, TRUE, 'KEEP', CURRENT_TIMESTAMP(6));

-- The key that signs unsubscribe links, made once by the first node that needs it and
-- shared by every node.
CREATE TABLE mail_signing_key (
    id         TINYINT     NOT NULL,
    secret     CHAR(64)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
