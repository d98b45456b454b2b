-- Reputation: a ledger of points with weekly and monthly rollups for the leaderboard,
-- activity counters for trust levels, badges, a rewards catalogue with redemptions, and
-- uploaded avatars.

-- reputation stays the points earned (shown and ranked); points_balance is what is left
-- to spend on rewards. likes_received and days_visited feed the trust levels;
-- trust_level_locked is set when a moderator chose the level by hand.
ALTER TABLE member ADD COLUMN points_balance INT NOT NULL DEFAULT 0;
ALTER TABLE member ADD COLUMN likes_received INT NOT NULL DEFAULT 0;
ALTER TABLE member ADD COLUMN days_visited INT NOT NULL DEFAULT 0;
ALTER TABLE member ADD COLUMN trust_level_locked TINYINT(1) NOT NULL DEFAULT 0;
UPDATE member SET points_balance = reputation;
UPDATE member m SET likes_received = (SELECT COALESCE(SUM(p.like_count), 0) FROM post p WHERE p.author_id = m.id);
CREATE INDEX ix_member_reputation ON member (reputation, id);

-- One row per member and day on which they were seen, written in batches.
CREATE TABLE member_visit_day (
    member_id BIGINT NOT NULL,
    day       DATE   NOT NULL,
    PRIMARY KEY (member_id, day),
    KEY ix_member_visit_day_day (day, member_id),
    CONSTRAINT fk_member_visit_day_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every change of a member's points: POST, LIKE, ANSWER, GRANT (by staff, with a reason).
CREATE TABLE point_entry (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    member_id  BIGINT       NOT NULL,
    points     INT          NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    reason     VARCHAR(255) NULL,
    granted_by BIGINT       NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_point_entry_member (member_id, id),
    CONSTRAINT fk_point_entry_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Points earned per member in a week (W, starting Monday) or month (M), in the brand's time
-- zone, changed with each ledger entry: a leaderboard reads one index range.
CREATE TABLE member_points_period (
    period    CHAR(1) NOT NULL,
    starts    DATE    NOT NULL,
    member_id BIGINT  NOT NULL,
    points    INT     NOT NULL,
    PRIMARY KEY (period, starts, member_id),
    KEY ix_member_points_period_rank (period, starts, points, member_id),
    CONSTRAINT fk_member_points_period_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Badges a member holds, each at most once, and how many members hold each.
CREATE TABLE member_badge (
    member_id  BIGINT      NOT NULL,
    badge      VARCHAR(30) NOT NULL,
    awarded_at DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id, badge),
    CONSTRAINT fk_member_badge_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE badge_count (
    badge   VARCHAR(30) NOT NULL,
    members INT         NOT NULL,
    PRIMARY KEY (badge)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The rewards catalogue kept by staff, and what members redeemed.
CREATE TABLE reward (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(80)  NOT NULL,
    description VARCHAR(500) NULL,
    cost        INT          NOT NULL,
    stock       INT          NOT NULL,
    active      TINYINT(1)   NOT NULL DEFAULT 1,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE reward_redemption (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    reward_id    BIGINT      NOT NULL,
    member_id    BIGINT      NOT NULL,
    cost         INT         NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    fulfilled_at DATETIME(6) NULL,
    fulfilled_by BIGINT      NULL,
    PRIMARY KEY (id),
    KEY ix_reward_redemption_open (fulfilled_at, id),
    KEY ix_reward_redemption_member (member_id, id),
    CONSTRAINT fk_reward_redemption_reward FOREIGN KEY (reward_id) REFERENCES reward (id),
    CONSTRAINT fk_reward_redemption_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An uploaded avatar, re-encoded as PNG by the portal; without one the initials are shown.
-- avatar_version on the member row: 0 without an avatar, else a number that changes with
-- each upload (in the image's address, so a cached image is never shown stale).
ALTER TABLE member ADD COLUMN avatar_version INT NOT NULL DEFAULT 0;
CREATE TABLE member_avatar (
    member_id  BIGINT      NOT NULL,
    image      MEDIUMBLOB  NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (member_id),
    CONSTRAINT fk_member_avatar_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
