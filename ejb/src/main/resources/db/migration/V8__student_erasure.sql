-- A student erased on request leaves only this: that an erasure happened in the agency, when, by whom, and how
-- many rows went. Nothing in it names or identifies the student.
CREATE TABLE erasure_record (
    id           BIGINT       NOT NULL PRIMARY KEY,
    agency_id    BIGINT       NOT NULL REFERENCES agency (id),
    version      BIGINT       NOT NULL,
    erased_at    TIMESTAMP    NOT NULL,
    erased_by    VARCHAR(200) NOT NULL,
    rows_removed INTEGER      NOT NULL,
    login_removed BOOLEAN     NOT NULL
);
CREATE INDEX ix_erasure_agency ON erasure_record (agency_id, erased_at);
