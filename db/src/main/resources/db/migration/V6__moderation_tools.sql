-- Moderation tools: the audit log, sanctions on members, moderator notes, canned replies,
-- and the topic and post columns the tools change.

-- Every moderator and staff action. Rows are only ever inserted; a privacy deletion of a
-- member blanks their personal data inside the rows (redacted_at) and keeps the rows.
-- No foreign keys: an entry outlives the member, topic or post it names.
CREATE TABLE audit_log (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    actor_id          BIGINT        NULL,
    actor_username    VARCHAR(30)   NULL,
    action            VARCHAR(40)   NOT NULL,
    target_type       VARCHAR(20)   NOT NULL,
    target_id         BIGINT        NULL,
    target_label      VARCHAR(255)  NULL,
    -- the member the entry is about (a sanctioned member, a post's author), for redaction
    subject_member_id BIGINT        NULL,
    reason            VARCHAR(1000) NULL,
    before_text       MEDIUMTEXT    NULL,
    after_text        MEDIUMTEXT    NULL,
    created_at        DATETIME(6)   NOT NULL,
    redacted_at       DATETIME(6)   NULL,
    PRIMARY KEY (id),
    -- newest first by id; each filter has an index ending in id so a keyset page reads
    -- only its own rows
    KEY ix_audit_log_actor (actor_id, id),
    KEY ix_audit_log_action (action, id),
    KEY ix_audit_log_target (target_type, target_id, id),
    KEY ix_audit_log_created (created_at, id),
    KEY ix_audit_log_subject (subject_member_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Silence (read-only) or suspension (cannot log in) for a time, with the reason the
-- member is shown; lifted early by a moderator, or over when ends_at passes.
CREATE TABLE member_sanction (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    member_id   BIGINT        NOT NULL,
    kind        VARCHAR(10)   NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    starts_at   DATETIME(6)   NOT NULL,
    ends_at     DATETIME(6)   NOT NULL,
    created_by  BIGINT        NOT NULL,
    lifted_at   DATETIME(6)   NULL,
    lifted_by   BIGINT        NULL,
    PRIMARY KEY (id),
    KEY ix_member_sanction_member (member_id, kind, ends_at),
    CONSTRAINT fk_member_sanction_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Private notes moderators keep about a member.
CREATE TABLE moderator_note (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    member_id  BIGINT        NOT NULL,
    author_id  BIGINT        NOT NULL,
    body       VARCHAR(2000) NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    KEY ix_moderator_note_member (member_id, id),
    CONSTRAINT fk_moderator_note_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Reply templates shared by the moderators, with {member} and {topic} placeholders.
CREATE TABLE canned_reply (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    title      VARCHAR(100)  NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    created_by BIGINT        NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    updated_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_canned_reply_title (title)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Pins may end by themselves; who closed a topic.
ALTER TABLE topic ADD COLUMN pinned_until DATETIME(6) NULL;
ALTER TABLE topic ADD COLUMN closed_by BIGINT NULL;

-- A hidden post is gone for readers; its author sees it with the reason.
ALTER TABLE post ADD COLUMN hidden_by BIGINT NULL;
ALTER TABLE post ADD COLUMN hidden_reason VARCHAR(1000) NULL;
-- The notice shown under a post a moderator edited.
ALTER TABLE post ADD COLUMN edit_notice VARCHAR(500) NULL;
