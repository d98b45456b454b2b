-- Members, their roles and the tokens mailed to them; brand settings; remember-me logins;
-- the mail outbox; failed logins for throttling.
-- utf8mb4 with a case-insensitive collation everywhere: usernames and emails are unique regardless of case.

CREATE TABLE member (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    username          VARCHAR(30)  NOT NULL,
    email             VARCHAR(254) NOT NULL,
    display_name      VARCHAR(60)  NULL,
    password_hash     VARCHAR(255) NOT NULL,
    email_verified_at DATETIME(6)  NULL,
    trust_level       TINYINT      NOT NULL DEFAULT 0,
    reputation        INT          NOT NULL DEFAULT 0,
    bio               TEXT         NULL,
    created_at        DATETIME(6)  NOT NULL,
    last_seen_at      DATETIME(6)  NULL,
    version           INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_member_username (username),
    UNIQUE KEY uk_member_email (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE member_role (
    member_id  BIGINT      NOT NULL,
    role       VARCHAR(20) NOT NULL,
    granted_at DATETIME(6) NOT NULL,
    granted_by BIGINT      NULL,
    PRIMARY KEY (member_id, role),
    CONSTRAINT fk_member_role_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Single-use tokens mailed to a member (email verification, password reset).
-- Only the SHA-256 of the token is stored, so a leaked table does not leak usable links.
CREATE TABLE member_token (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    member_id  BIGINT      NOT NULL,
    purpose    VARCHAR(20) NOT NULL,
    token_hash CHAR(64)    NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    used_at    DATETIME(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_member_token_hash (token_hash),
    KEY ix_member_token_member (member_id, purpose),
    CONSTRAINT fk_member_token_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Failed logins, one row each, counted over a sliding window to throttle guessing.
CREATE TABLE login_failure (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    login     VARCHAR(254) NOT NULL,
    failed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_login_failure_login (login, failed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Spring Security's persistent remember-me tokens (shared by every app node).
CREATE TABLE persistent_logins (
    username  VARCHAR(64) NOT NULL,
    series    VARCHAR(64) NOT NULL,
    token     VARCHAR(64) NOT NULL,
    last_used TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (series),
    KEY ix_persistent_logins_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The brand running the portal: one row.
CREATE TABLE brand (
    id                TINYINT      NOT NULL,
    name              VARCHAR(60)  NOT NULL,
    accent_color      CHAR(7)      NOT NULL,
    logo              MEDIUMBLOB   NULL,
    logo_content_type VARCHAR(40)  NULL,
    updated_at        DATETIME(6)  NOT NULL,
    version           INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO brand (id, name, accent_color, updated_at) VALUES (1, 'Rapport', '#0969da', CURRENT_TIMESTAMP(6));

-- Mail is written here in the transaction that causes it and sent by a background job,
-- so a mail is neither lost when SMTP is down nor sent for a change that rolled back.
CREATE TABLE mail_outbox (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    recipient       VARCHAR(254) NOT NULL,
    subject         VARCHAR(255) NOT NULL,
    body            MEDIUMTEXT   NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    next_attempt_at DATETIME(6)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    sent_at         DATETIME(6)  NULL,
    last_error      VARCHAR(500) NULL,
    PRIMARY KEY (id),
    KEY ix_mail_outbox_pending (sent_at, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
