-- The combined kit PDF of a request, built once for a set of document versions and cover text and then read
-- from here by every download, on either node. One row per request: a new CV or statement version, or a changed
-- cover (bullets, deadline, ERAS IDs), replaces it at the next download.
CREATE TABLE kit_pdf (
    letter_request_id     BIGINT       NOT NULL PRIMARY KEY REFERENCES letter_request (id),
    agency_id             BIGINT       NOT NULL REFERENCES agency (id),
    cv_document_id        BIGINT,
    statement_document_id BIGINT,
    cover_sha256          VARCHAR(64)  NOT NULL,
    content               ${blob_type} NOT NULL,
    built_at              TIMESTAMP    NOT NULL
);
