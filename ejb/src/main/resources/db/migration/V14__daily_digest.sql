-- The agency hears when a letter falls through (issue 15, part 5): a daily digest to each of its staff.

-- What each staff member chose, by Keycloak user id; no row means the defaults (the digest on).
CREATE TABLE staff_preference (
    id         BIGINT      NOT NULL PRIMARY KEY,
    agency_id  BIGINT      NOT NULL REFERENCES agency (id),
    version    BIGINT      NOT NULL,
    user_id    VARCHAR(64) NOT NULL,
    digest_off BOOLEAN     NOT NULL,
    changed_at TIMESTAMP   NOT NULL,
    CONSTRAINT uq_staff_preference_user UNIQUE (agency_id, user_id)
);

-- One row per agency and local day whose digest was made, so it is made once (by one node) however often the timer
-- looks, and a day with nothing to say is not worked out again every ten minutes.
CREATE TABLE digest_run (
    id            BIGINT    NOT NULL PRIMARY KEY,
    agency_id     BIGINT    NOT NULL REFERENCES agency (id),
    version       BIGINT    NOT NULL,
    digest_day    DATE      NOT NULL,
    ran_at        TIMESTAMP NOT NULL,
    emails_queued INTEGER   NOT NULL,
    CONSTRAINT uq_digest_run_day UNIQUE (agency_id, digest_day)
);

