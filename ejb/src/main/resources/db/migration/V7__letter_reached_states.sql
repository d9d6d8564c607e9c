-- Every state a letter request has ever been in, one bit per state (LetterState.bit(): 1 << its position in the
-- enum), kept by each new event in the same transaction: the dashboard's funnel counts requests from this column
-- in one pass instead of reading their events once per stage (docs/benchmarks.md).
ALTER TABLE letter_request ADD COLUMN reached_states BIGINT DEFAULT 0 NOT NULL;

-- From the history so far: the sum of the distinct bits of a request's events is their bitwise OR.
UPDATE letter_request SET reached_states = COALESCE((
    SELECT SUM(DISTINCT CASE e.to_state WHEN 'PLANNED' THEN 1 WHEN 'ASKED' THEN 2 WHEN 'STRONG_YES' THEN 4 WHEN 'LUKEWARM' THEN 8 WHEN 'DECLINED' THEN 16 WHEN 'KIT_SENT' THEN 32 WHEN 'CONFIRMED' THEN 64 WHEN 'REMINDED_1' THEN 128 WHEN 'REMINDED_2' THEN 256 WHEN 'NOT_COMING' THEN 512 WHEN 'SUBMITTED' THEN 1024 WHEN 'WITHDRAWN' THEN 2048 ELSE 0 END)
    FROM letter_request_event e
    WHERE e.agency_id = letter_request.agency_id AND e.letter_request_id = letter_request.id), 0);
