-- Tags on topics. A tag's name is stored normalised (NFKC, lower case, dashes for spaces),
-- so the name column compares bytes (utf8mb4_bin): "ёлка" and "елка" stay two tags, as readers see them.
-- Topic counts per tag are computed for the reader (categories they may read), not stored.

CREATE TABLE tag (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    name       VARCHAR(30) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    created_by BIGINT      NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_tag_name (name),
    CONSTRAINT fk_tag_created_by FOREIGN KEY (created_by) REFERENCES member (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE topic_tag (
    tag_id   BIGINT NOT NULL,
    topic_id BIGINT NOT NULL,
    PRIMARY KEY (tag_id, topic_id),
    KEY ix_topic_tag_topic (topic_id),
    CONSTRAINT fk_topic_tag_tag FOREIGN KEY (tag_id) REFERENCES tag (id) ON DELETE CASCADE,
    CONSTRAINT fk_topic_tag_topic FOREIGN KEY (topic_id) REFERENCES topic (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
