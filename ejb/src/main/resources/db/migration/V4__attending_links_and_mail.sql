-- Attending links: only the SHA-256 of each token is kept, found by that hash across agencies.
CREATE TABLE attending_link (
    id                BIGINT      NOT NULL PRIMARY KEY,
    agency_id         BIGINT      NOT NULL REFERENCES agency (id),
    version           BIGINT      NOT NULL,
    letter_request_id BIGINT      NOT NULL REFERENCES letter_request (id),
    purpose           VARCHAR(20) NOT NULL,
    token_hash        VARCHAR(64) NOT NULL,
    issued_at         TIMESTAMP   NOT NULL,
    expires_at        TIMESTAMP,
    revoked_at        TIMESTAMP,
    outbox_email_id   BIGINT,
    CONSTRAINT uq_attending_link_hash UNIQUE (token_hash)
);
CREATE INDEX ix_attending_link_request ON attending_link (agency_id, letter_request_id);

-- The writer's answers, the undo of the last one, and a bounced kit email.
ALTER TABLE letter_request ADD COLUMN writer_confirmed_on DATE;
ALTER TABLE letter_request ADD COLUMN decline_note VARCHAR(1000);
ALTER TABLE letter_request ADD COLUMN email_bounced BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE letter_request ADD COLUMN undo_state VARCHAR(20);
ALTER TABLE letter_request ADD COLUMN undo_until TIMESTAMP;
ALTER TABLE letter_request ADD COLUMN undo_answer VARCHAR(20);

-- The outbox renders each email when it is sent (links are minted then, so no token is ever stored);
-- the body kept afterwards has its links blanked out. A lease lets one sender at a time own a row.
ALTER TABLE outbox_email ALTER COLUMN body_text DROP NOT NULL;
ALTER TABLE outbox_email ADD COLUMN message_id VARCHAR(200);
ALTER TABLE outbox_email ADD COLUMN claimed_until TIMESTAMP;
ALTER TABLE outbox_email ADD COLUMN recipient_role VARCHAR(20) DEFAULT 'ATTENDING' NOT NULL;
