-- A student's target specialties are a list ordered by preference (Student.targetSpecialties, @OrderColumn). When the
-- list changes, EclipseLink deletes the old rows by value and writes the new ones at their places in an order of its
-- own: on PostgreSQL it inserted the new first choice while the old first choice still held preference 0, so changing
-- a student's targets failed with a duplicate key (StandingsIT). What must be unique is the specialty per student; the
-- preference only orders them. Rebuilt rather than altered: H2 and PostgreSQL name a primary key differently.
CREATE TABLE student_target_specialty_v22 (
    student_id BIGINT      NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    preference INTEGER     NOT NULL,
    specialty  VARCHAR(40) NOT NULL,
    PRIMARY KEY (student_id, specialty)
);
INSERT INTO student_target_specialty_v22 (student_id, preference, specialty)
    SELECT student_id, preference, specialty FROM student_target_specialty;
DROP TABLE student_target_specialty;
ALTER TABLE student_target_specialty_v22 RENAME TO student_target_specialty;
