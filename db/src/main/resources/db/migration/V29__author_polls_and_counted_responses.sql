-- The published surveys that staff let topic authors place in their own topics as a poll
-- (voters then see the results of every answer to the survey, so staff choose which);
-- allowed_by names the staff member (no foreign key: deleting that account keeps the row).
CREATE TABLE author_poll_survey (
    survey_id  BIGINT      NOT NULL,
    allowed_by BIGINT      NOT NULL,
    allowed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (survey_id),
    CONSTRAINT fk_author_poll_survey_survey FOREIGN KEY (survey_id) REFERENCES survey (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Whether a completed response has been added to survey.response_count. The count is raised
-- just after the response's transaction commits, together with this flag in one statement,
-- so a raise lost to a database outage at that moment is found (completed, not counted) and
-- made later, exactly once. Rows that exist already, and rows written without the portal's
-- answer path (dataset generators), are taken as counted; the portal inserts FALSE.
ALTER TABLE survey_response
    ADD COLUMN counted BOOLEAN NOT NULL DEFAULT TRUE,
    ADD KEY ix_survey_response_uncounted (counted, status, completed_at);
