-- The completion dashboard: staff notes on a student, and nudges (emails to a student about no one request).
-- Its aggregate queries read letter_request by (agency_id, student_id) and student by (agency_id, cohort_id),
-- which V1's indexes already serve.

CREATE TABLE student_note (
    id         BIGINT        NOT NULL PRIMARY KEY,
    agency_id  BIGINT        NOT NULL REFERENCES agency (id),
    version    BIGINT        NOT NULL,
    student_id BIGINT        NOT NULL REFERENCES student (id),
    author     VARCHAR(200)  NOT NULL,
    text       VARCHAR(2000) NOT NULL,
    written_at TIMESTAMP     NOT NULL
);
CREATE INDEX ix_student_note ON student_note (agency_id, student_id, written_at);

-- A nudge is about a student, not a letter request: the outbox row names the student instead.
ALTER TABLE outbox_email ADD COLUMN student_id BIGINT;
ALTER TABLE outbox_email ADD COLUMN message VARCHAR(2000);
