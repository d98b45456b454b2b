-- Private messages: conversations between members (and from staff to a member), and blocks.

CREATE TABLE conversation (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    subject         VARCHAR(255) NOT NULL,
    created_by      BIGINT       NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    last_message_at DATETIME(6)  NOT NULL,
    message_count   INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT fk_conversation_creator FOREIGN KEY (created_by) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE conversation_member (
    conversation_id BIGINT      NOT NULL,
    member_id       BIGINT      NOT NULL,
    last_read_id    BIGINT      NOT NULL DEFAULT 0,
    last_message_at DATETIME(6) NOT NULL,
    unread          INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, member_id),
    -- a member's conversation list, most recent first
    KEY ix_conversation_member_inbox (member_id, last_message_at, conversation_id),
    CONSTRAINT fk_conversation_member_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_conversation_member_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE message (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    conversation_id BIGINT      NOT NULL,
    author_id       BIGINT      NOT NULL,
    raw             MEDIUMTEXT  NOT NULL,
    cooked          MEDIUMTEXT  NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_message_conversation (conversation_id, id),
    CONSTRAINT fk_message_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id) ON DELETE CASCADE,
    CONSTRAINT fk_message_author FOREIGN KEY (author_id) REFERENCES member (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- blocker does not want private messages from blocked
CREATE TABLE member_block (
    blocker_id BIGINT      NOT NULL,
    blocked_id BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id),
    CONSTRAINT fk_member_block_blocker FOREIGN KEY (blocker_id) REFERENCES member (id) ON DELETE CASCADE,
    CONSTRAINT fk_member_block_blocked FOREIGN KEY (blocked_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- notifications that are not about a topic (a private message, a survey) carry their own
-- link inside the portal and a subject
ALTER TABLE notification
    ADD COLUMN url VARCHAR(500) NULL,
    ADD COLUMN subject VARCHAR(255) NULL;
