-- The answer to the ask as the student heard it (issue 17, item 2): which of the guide's cases (LetterRequest's
-- AnswerHeard, by name), the attending's words as the student wrote them down (a note only), and when it was recorded
-- (the student may correct it for 14 days after; staff at any time).
ALTER TABLE letter_request ADD COLUMN answer_heard VARCHAR(30);
ALTER TABLE letter_request ADD COLUMN answer_words VARCHAR(2000);
ALTER TABLE letter_request ADD COLUMN answered_at TIMESTAMP;
-- The day it was recorded on the agency's calendar, for the pages ("recorded on", "you may correct it until").
ALTER TABLE letter_request ADD COLUMN answered_on DATE;

-- From the history so far: the answer is the event that left the ask (or, before an offer was kept apart from a yes,
-- the plan) for a yes, a polite no or a no. Its words were the event's reason.
UPDATE letter_request SET answered_at = (
    SELECT MIN(e.occurred_at) FROM letter_request_event e
    WHERE e.agency_id = letter_request.agency_id AND e.letter_request_id = letter_request.id
      AND e.from_state IN ('PLANNED', 'ASKED') AND e.to_state IN ('STRONG_YES', 'LUKEWARM', 'DECLINED'));
UPDATE letter_request SET answer_words = (
    SELECT MIN(e.reason) FROM letter_request_event e
    WHERE e.agency_id = letter_request.agency_id AND e.letter_request_id = letter_request.id
      AND e.occurred_at = letter_request.answered_at
      AND e.from_state IN ('PLANNED', 'ASKED') AND e.to_state IN ('STRONG_YES', 'LUKEWARM', 'DECLINED'))
WHERE answered_at IS NOT NULL;
-- A yes has one case; which polite no or which no was heard is not known (left empty: staff may name it by correcting).
UPDATE letter_request SET answer_heard = 'STRONG_YES' WHERE answered_at IS NOT NULL AND EXISTS (
    SELECT 1 FROM letter_request_event e
    WHERE e.agency_id = letter_request.agency_id AND e.letter_request_id = letter_request.id
      AND e.occurred_at = letter_request.answered_at
      AND e.from_state IN ('PLANNED', 'ASKED') AND e.to_state = 'STRONG_YES');
-- Answers recorded before the agency's calendar was kept: the UTC day, as everything was dated then.
UPDATE letter_request SET answered_on = CAST(answered_at AS DATE) WHERE answered_at IS NOT NULL;
