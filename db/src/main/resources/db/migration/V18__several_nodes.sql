-- Several portal nodes on one database (README "Operations", docs/architecture.md "Several nodes").

-- HTTP sessions, shared by every node (Spring Session JDBC). The names and columns are the ones
-- Spring Session's JdbcIndexedSessionRepository expects; Spring's own schema initializer is off
-- (spring.session.jdbc.initialize-schema=never) so that Flyway owns the whole schema.
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36)     NOT NULL,
    SESSION_ID            CHAR(36)     NOT NULL,
    CREATION_TIME         BIGINT       NOT NULL,
    LAST_ACCESS_TIME      BIGINT       NOT NULL,
    MAX_INACTIVE_INTERVAL INT          NOT NULL,
    EXPIRY_TIME           BIGINT       NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100) NULL,
    PRIMARY KEY (PRIMARY_ID),
    UNIQUE KEY SPRING_SESSION_IX1 (SESSION_ID),
    KEY SPRING_SESSION_IX2 (EXPIRY_TIME),
    KEY SPRING_SESSION_IX3 (PRINCIPAL_NAME)
) ENGINE = InnoDB ROW_FORMAT = DYNAMIC DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES    BLOB         NOT NULL,
    PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID)
        REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
) ENGINE = InnoDB ROW_FORMAT = DYNAMIC DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Run-once locks of scheduled jobs (com.rapport.db.cluster.ClusterLock): a node runs a job only
-- after its UPDATE ... WHERE locked_until <= NOW(3) changed the row. Times are the database's,
-- so the nodes' clocks do not matter. runs counts the runs of the whole cluster.
CREATE TABLE cluster_lock (
    name         VARCHAR(64)  NOT NULL,
    locked_until DATETIME(3)  NOT NULL,
    locked_at    DATETIME(3)  NOT NULL,
    locked_by    VARCHAR(100) NOT NULL,
    runs         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Changes every node's search index must follow: written in the transaction that changes a post
-- or topic, polled by every node (com.rapport.community.search.SearchChanges), purged after a day.
CREATE TABLE search_change (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    kind       VARCHAR(8)  NOT NULL,
    post_id    BIGINT      NULL,
    topic_id   BIGINT      NOT NULL,
    origin     VARCHAR(100) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    KEY search_change_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
