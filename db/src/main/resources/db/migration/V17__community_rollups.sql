-- Community health for the staff overview, rolled up as rows arrive: each member, post and
-- flag is counted once, on the day (in the brand's time zone) it was made, by a job that
-- advances a watermark. A figure of a past day therefore never changes when a post is
-- later hidden or deleted, or a member deleted on request.

CREATE TABLE rollup_watermark (
    name    VARCHAR(40) NOT NULL,
    last_id BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO rollup_watermark (name, last_id) VALUES ('community.member', 0), ('community.post', 0), ('community.flag', 0);

CREATE TABLE community_day (
    day         DATE NOT NULL,
    new_members INT  NOT NULL DEFAULT 0,
    topics      INT  NOT NULL DEFAULT 0,
    replies     INT  NOT NULL DEFAULT 0,
    flags       INT  NOT NULL DEFAULT 0,
    PRIMARY KEY (day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- who posted on which day: active members per day, week and month are distinct counts here
CREATE TABLE community_active_member (
    day       DATE   NOT NULL,
    member_id BIGINT NOT NULL,
    PRIMARY KEY (day, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- when each topic got its first reply and its first reply by a moderator or staff member
CREATE TABLE topic_response_time (
    topic_id             BIGINT      NOT NULL,
    category_id          BIGINT      NOT NULL,
    author_id            BIGINT      NOT NULL,
    created_at           DATETIME(6) NOT NULL,
    first_reply_at       DATETIME(6) NULL,
    first_staff_reply_at DATETIME(6) NULL,
    solved_at            DATETIME(6) NULL,
    PRIMARY KEY (topic_id),
    KEY ix_topic_response_time_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the sentiment of the posts written each day in each category
CREATE TABLE community_sentiment_day (
    day         DATE   NOT NULL,
    category_id BIGINT NOT NULL,
    posts       INT    NOT NULL DEFAULT 0,
    analysed    INT    NOT NULL DEFAULT 0,
    negative    INT    NOT NULL DEFAULT 0,
    positive    INT    NOT NULL DEFAULT 0,
    score_sum   DOUBLE NOT NULL DEFAULT 0,
    PRIMARY KEY (day, category_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
