-- The agency's logo, on the attending's kit page and in the HTML emails. Apart from the agency row, so reading
-- an agency never reads the image.
CREATE TABLE agency_logo (
    agency_id    BIGINT        NOT NULL PRIMARY KEY REFERENCES agency (id),
    version      BIGINT        NOT NULL,
    content_type VARCHAR(20)   NOT NULL,
    content      ${blob_type}  NOT NULL,
    updated_at   TIMESTAMP     NOT NULL
);
