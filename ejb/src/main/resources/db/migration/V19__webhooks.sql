-- Issue 19, item 5: webhooks. An agency's admins register HTTPS endpoints and choose events; each event is a
-- delivery row per endpoint, written in the transaction of the change it tells of, and sent by the outbox's sender
-- like an email (the same status, due_at, claimed_until and claimed_by columns, the same claim and retry policy).

CREATE TABLE webhook_endpoint (
    id             BIGINT        NOT NULL PRIMARY KEY,
    agency_id      BIGINT        NOT NULL REFERENCES agency (id),
    version        BIGINT        NOT NULL,
    url            VARCHAR(500)  NOT NULL,
    -- LorKit signs with it (HMAC needs it on both sides); shown to the admin once, never logged.
    secret         VARCHAR(100)  NOT NULL,
    events         VARCHAR(200)  NOT NULL,
    enabled        BOOLEAN       NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    created_by     VARCHAR(200)  NOT NULL,
    secret_made_at TIMESTAMP     NOT NULL
);
CREATE INDEX ix_webhook_endpoint_agency ON webhook_endpoint (agency_id);

CREATE TABLE webhook_delivery (
    id                BIGINT         NOT NULL PRIMARY KEY,
    agency_id         BIGINT         NOT NULL REFERENCES agency (id),
    version           BIGINT         NOT NULL,
    endpoint_id       BIGINT         NOT NULL REFERENCES webhook_endpoint (id),
    -- The same for every endpoint and every attempt: receivers drop a repeat by it.
    event_id          VARCHAR(36)    NOT NULL,
    event_type        VARCHAR(40)    NOT NULL,
    -- The request's event number (letter_request.event_sequence when the event was made); 0 for a test event.
    event_sequence    BIGINT         NOT NULL,
    letter_request_id BIGINT         REFERENCES letter_request (id),
    student_id        BIGINT,
    body              VARCHAR(4000)  NOT NULL,
    occurred_at       TIMESTAMP      NOT NULL,
    status            VARCHAR(20)    NOT NULL,
    attempts          INTEGER        NOT NULL,
    due_at            TIMESTAMP      NOT NULL,
    claimed_until     TIMESTAMP,
    claimed_by        VARCHAR(120),
    last_error        VARCHAR(1000),
    last_status       INTEGER,
    last_response     VARCHAR(200),
    delivered_at      TIMESTAMP
);
CREATE UNIQUE INDEX ux_webhook_delivery_event ON webhook_delivery (agency_id, endpoint_id, event_id);
-- The sender's claim: what is due, and whether an earlier event of the same request waits for the same endpoint.
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, due_at);
CREATE INDEX ix_webhook_delivery_order ON webhook_delivery (endpoint_id, letter_request_id, event_sequence);
-- The delivery log, newest first; erasure finds a student's by these.
CREATE INDEX ix_webhook_delivery_log ON webhook_delivery (agency_id, occurred_at);
CREATE INDEX ix_webhook_delivery_request ON webhook_delivery (letter_request_id);

-- Each request counts its events, under the request's row lock, so that two changes to one request get their
-- numbers in the order they commit. Not mapped by JPA: only the webhooks read and raise it.
ALTER TABLE letter_request ADD COLUMN event_sequence BIGINT DEFAULT 0 NOT NULL;
