-- The letter portfolio: what each side reports about ERAS, for the mismatch flag.
ALTER TABLE letter_request ADD COLUMN writer_reported_on DATE;
ALTER TABLE letter_request ADD COLUMN eras_received_on DATE;

-- The feedback check keeps the red flags the student ticked (enum names, comma-separated).
ALTER TABLE feedback_check ADD COLUMN red_flags VARCHAR(200);

-- A student's letters for one rotation and attending: the duplicate-request check and the portfolio.
CREATE INDEX ix_letter_pair ON letter_request (agency_id, rotation_id, attending_id);
CREATE INDEX ix_feedback_attending ON feedback_check (agency_id, attending_id);
