-- A student's correction of a bounced address applies to their own request only (WRITER_EMAIL); the directory's
-- address, shared by every student of the agency, is changed by staff only, and each such change is kept.
ALTER TABLE letter_request ADD COLUMN writer_email VARCHAR(254);

CREATE TABLE attending_address_change (
    id           BIGINT       NOT NULL PRIMARY KEY,
    agency_id    BIGINT       NOT NULL REFERENCES agency (id),
    version      BIGINT       NOT NULL,
    attending_id BIGINT       NOT NULL REFERENCES attending (id),
    old_email    VARCHAR(254) NOT NULL,
    new_email    VARCHAR(254) NOT NULL,
    changed_by   VARCHAR(200) NOT NULL,
    changed_at   TIMESTAMP    NOT NULL
);
CREATE INDEX ix_attending_address_change ON attending_address_change (agency_id, attending_id, changed_at);
