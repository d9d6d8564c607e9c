-- The agency's API clients (issue 19, item 4): each is a Keycloak client with only its service account, made and
-- revoked by the agency's admin on the settings page. The secret is Keycloak's alone; this is the list and the record
-- of who created and who revoked each one. A revoked client stays, with who revoked it and when.
CREATE TABLE api_client (
    id         BIGINT       NOT NULL PRIMARY KEY,
    agency_id  BIGINT       NOT NULL REFERENCES agency (id),
    version    BIGINT       NOT NULL,
    name       VARCHAR(100) NOT NULL,
    client_id  VARCHAR(100) NOT NULL UNIQUE,
    created_by VARCHAR(200) NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    revoked_by VARCHAR(200),
    revoked_at TIMESTAMP
);
CREATE INDEX ix_api_client_agency ON api_client (agency_id, created_at);
