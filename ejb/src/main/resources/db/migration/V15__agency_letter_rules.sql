-- The agency's numbers (issue 17, item 9): every number of the guides' letter rules an agency's admin may change.
-- The defaults are the numbers the code used until now, so every existing agency behaves as before. The reminder
-- days (first_reminder_days, second_reminder_days, not_coming_days) are already on the agency row (V1).
-- Reminders are polite, never frantic: the first goes at least 7 days after the kit, the second at least 5 days after
-- the first (the settings used to take 1 day). An agency that had set fewer gets the least the rules now allow.
UPDATE agency SET first_reminder_days = 7 WHERE first_reminder_days < 7;
UPDATE agency SET second_reminder_days = 5 WHERE second_reminder_days < 5;

ALTER TABLE agency ADD COLUMN ideal_last_days INTEGER DEFAULT 5 NOT NULL;
ALTER TABLE agency ADD COLUMN acceptable_weeks INTEGER DEFAULT 4 NOT NULL;
ALTER TABLE agency ADD COLUMN contact_minimum_days INTEGER DEFAULT 14 NOT NULL;
ALTER TABLE agency ADD COLUMN contact_ideal_days INTEGER DEFAULT 28 NOT NULL;
ALTER TABLE agency ADD COLUMN kit_deadline_days INTEGER DEFAULT 28 NOT NULL;
ALTER TABLE agency ADD COLUMN kit_deadline_shortest_days INTEGER DEFAULT 7 NOT NULL;
ALTER TABLE agency ADD COLUMN kit_deadline_longest_days INTEGER DEFAULT 42 NOT NULL;
ALTER TABLE agency ADD COLUMN at_risk_horizon_days INTEGER DEFAULT 30 NOT NULL;

-- What an admin changed of those numbers: one row per number, who and when, listed on the settings page.
CREATE TABLE agency_settings_change (
    id         BIGINT       NOT NULL PRIMARY KEY,
    agency_id  BIGINT       NOT NULL REFERENCES agency (id),
    version    BIGINT       NOT NULL,
    rule_name  VARCHAR(40)  NOT NULL,
    old_value  INTEGER      NOT NULL,
    new_value  INTEGER      NOT NULL,
    changed_by VARCHAR(200) NOT NULL,
    changed_at TIMESTAMP    NOT NULL
);
CREATE INDEX ix_agency_settings_change ON agency_settings_change (agency_id, changed_at);
