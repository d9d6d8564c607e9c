-- Each student's standing inputs, kept (issue 20): the dashboard's figures and students table read these rows instead of
-- aggregating every letter request of the agency on every view. A row is recomputed from the student's requests,
-- rotations and target specialties in the transaction of every change to them (StandingRows.refresh); the counts that
-- change with the date alone (overdue, ERAS mismatches) are as of counted_on and hold until recheck_on, the first day one
-- of them would change with nothing else changing, when the reminder sweep (or the next dashboard view) counts them again.
-- What the dashboard reads live and cheaply stays where it is: the name, email, cohort, submit date and archive flag.
-- A student without a row has no requests and no rotations: the dashboard reads zeros for them.
CREATE TABLE student_standing (
    student_id         BIGINT  NOT NULL PRIMARY KEY REFERENCES student (id),
    agency_id          BIGINT  NOT NULL REFERENCES agency (id),
    counted_on         DATE    NOT NULL,
    recheck_on         DATE,
    secured            INTEGER NOT NULL,
    secured_target     INTEGER NOT NULL,
    strong             INTEGER NOT NULL,
    overdue            INTEGER NOT NULL,
    not_coming         INTEGER NOT NULL,
    bounced            INTEGER NOT NULL,
    mismatches         INTEGER NOT NULL,
    outside_window     INTEGER NOT NULL,
    letters_planned    INTEGER NOT NULL,
    letters_asked      INTEGER NOT NULL,
    letters_strong_yes INTEGER NOT NULL,
    letters_lukewarm   INTEGER NOT NULL,
    letters_declined   INTEGER NOT NULL,
    letters_kit_sent   INTEGER NOT NULL,
    letters_confirmed  INTEGER NOT NULL,
    letters_reminded_1 INTEGER NOT NULL,
    letters_reminded_2 INTEGER NOT NULL,
    letters_not_coming INTEGER NOT NULL,
    letters_submitted  INTEGER NOT NULL,
    letters_withdrawn  INTEGER NOT NULL,
    funnel_rotation    INTEGER NOT NULL,
    funnel_feedback    INTEGER NOT NULL,
    funnel_asked       INTEGER NOT NULL,
    funnel_yes         INTEGER NOT NULL,
    funnel_kit_sent    INTEGER NOT NULL,
    funnel_confirmed   INTEGER NOT NULL,
    funnel_uploaded    INTEGER NOT NULL
);
-- The rows a date recheck is due for (recheck_on <= today), and every row of an agency; the rows counted on a later day
-- than today (the clock or the agency's time zone went back), which every view asks for beside them. The students
-- table sorts and filters on the scope's rows after joining them to student (ix_student_cohort): its standing is
-- decided at read time (the at-risk horizon, from the live submit date), and a top-N sort of the scope is cheaper
-- than an index per sort column would be to keep.
CREATE INDEX ix_student_standing_recheck ON student_standing (agency_id, recheck_on);
CREATE INDEX ix_student_standing_counted ON student_standing (agency_id, counted_on);

-- The agencies whose rows have all been counted once. An agency without a row here (every agency when this migration
-- runs, and data loaded around the application) is counted in full by the next sweep or dashboard view.
CREATE TABLE student_standing_agency (
    agency_id  BIGINT    NOT NULL PRIMARY KEY REFERENCES agency (id),
    counted_at TIMESTAMP NOT NULL
);
