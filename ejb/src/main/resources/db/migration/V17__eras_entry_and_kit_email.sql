-- Issue 17, items 6 and 11: the kit email and what counts as received in ERAS.

-- The student's word, before the kit goes out, that they have entered the writer in ERAS as a letter writer (ERAS
-- emails the writer the upload link only then), and their own paragraph in the kit email (KitChoice).
ALTER TABLE letter_request ADD COLUMN writer_in_eras BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE letter_request ADD COLUMN personal_paragraph VARCHAR(1000);

-- The phone the kit email's signature carries, if the student gives one.
ALTER TABLE student ADD COLUMN phone VARCHAR(30);

-- A writer's "uploaded" no longer makes a letter received: only the student's "ERAS shows it" does. Letters that the
-- writer's word alone made SUBMITTED go back to waiting for the student's check, in the state they had reached (the
-- reminders they had, the writer's confirmation), and lose the SUBMITTED bit of reached_states (1024: 1 << 10).
UPDATE letter_request
SET state = CASE WHEN reminders_sent >= 2 THEN 'REMINDED_2'
                 WHEN reminders_sent = 1 THEN 'REMINDED_1'
                 WHEN writer_confirmed_on IS NOT NULL THEN 'CONFIRMED'
                 ELSE 'KIT_SENT' END,
    reached_states = reached_states - CASE WHEN MOD(reached_states / 1024, 2) = 1 THEN 1024 ELSE 0 END
WHERE state = 'SUBMITTED' AND writer_reported_on IS NOT NULL AND eras_received_on IS NULL AND kit_sent_on IS NOT NULL;
