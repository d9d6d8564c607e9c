-- Mail that tells the truth (issue 15).
-- Who holds an outbox claim (node name and boot), so that a node that restarts after a crash frees its own claims
-- at once instead of waiting for the lease to run out.
ALTER TABLE outbox_email ADD COLUMN claimed_by VARCHAR(120);
-- Emails to staff (alerts, the daily digest) carry their words from when they were queued.
ALTER TABLE outbox_email ALTER COLUMN message SET DATA TYPE VARCHAR(20000);

-- Why mail to a request's writer is not reaching them (BOUNCED, COMPLAINED, UNDELIVERED), replacing the flag
-- that knew only refusals.
ALTER TABLE letter_request ADD COLUMN writer_mail_problem VARCHAR(20);
UPDATE letter_request SET writer_mail_problem = 'BOUNCED' WHERE email_bounced = TRUE;
ALTER TABLE letter_request DROP COLUMN email_bounced;

-- What the relay or a later report said about one email; the source key makes each report count once per agency,
-- whichever node reads it and however often.
CREATE TABLE delivery_event (
    id                BIGINT        NOT NULL PRIMARY KEY,
    agency_id         BIGINT        NOT NULL REFERENCES agency (id),
    version           BIGINT        NOT NULL,
    outbox_email_id   BIGINT        NOT NULL REFERENCES outbox_email (id),
    letter_request_id BIGINT        REFERENCES letter_request (id),
    kind              VARCHAR(20)   NOT NULL,
    address           VARCHAR(254)  NOT NULL,
    detail            VARCHAR(1000),
    source_key        VARCHAR(300)  NOT NULL,
    occurred_at       TIMESTAMP     NOT NULL
);
CREATE UNIQUE INDEX ux_delivery_event_source ON delivery_event (agency_id, source_key);
CREATE INDEX ix_delivery_event_time ON delivery_event (agency_id, occurred_at);
CREATE INDEX ix_delivery_event_request ON delivery_event (letter_request_id);

-- An email rendered again (after a refusal, a hold or a crash) first drops the links minted for it before.
CREATE INDEX ix_attending_link_outbox ON attending_link (outbox_email_id);

-- Addresses whose owner reported the agency's mail as spam: nothing more goes to them until staff clear it.
CREATE TABLE suppressed_address (
    id         BIGINT        NOT NULL PRIMARY KEY,
    agency_id  BIGINT        NOT NULL REFERENCES agency (id),
    version    BIGINT        NOT NULL,
    address    VARCHAR(254)  NOT NULL,
    since      TIMESTAMP     NOT NULL,
    detail     VARCHAR(1000),
    cleared_by VARCHAR(200),
    cleared_at TIMESTAMP
);
CREATE INDEX ix_suppressed_address ON suppressed_address (agency_id, address);
