-- Events staff mark on the timeline (a release, an outage, a campaign): every trend chart
-- of the staff area shows them on their day (in the brand's time zone).
CREATE TABLE annotation (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    day         DATE         NOT NULL,
    kind        VARCHAR(12)  NOT NULL,
    label       VARCHAR(120) NOT NULL,
    created_by  BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_annotation_day (day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
