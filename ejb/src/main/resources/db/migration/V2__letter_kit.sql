-- The letter kit: the work summary's bullets per rotation, and what each request's kit carried.

CREATE TABLE summary_bullet (
    id          BIGINT       NOT NULL PRIMARY KEY,
    agency_id   BIGINT       NOT NULL REFERENCES agency (id),
    version     BIGINT       NOT NULL,
    rotation_id BIGINT       NOT NULL REFERENCES rotation (id),
    position    INTEGER      NOT NULL,
    text        VARCHAR(300) NOT NULL,
    CONSTRAINT uq_summary_bullet UNIQUE (rotation_id, position)
);
CREATE INDEX ix_summary_bullet_rotation ON summary_bullet (agency_id, rotation_id);

ALTER TABLE letter_request ADD COLUMN cv_document_id BIGINT REFERENCES student_document (id);
ALTER TABLE letter_request ADD COLUMN statement_document_id BIGINT REFERENCES student_document (id);
ALTER TABLE letter_request ADD COLUMN eras_letter_id VARCHAR(20);
ALTER TABLE letter_request ADD COLUMN general_letter BOOLEAN DEFAULT FALSE NOT NULL;

CREATE INDEX ix_document_student ON student_document (agency_id, student_id, kind, doc_version);
