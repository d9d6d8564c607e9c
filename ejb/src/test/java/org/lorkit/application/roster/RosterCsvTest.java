package org.lorkit.application.roster;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Specialty;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterCsvTest {
    static final String HEADER = String.join(",", RosterColumns.ALL);
    static final Cohort IM = new Cohort("Internal Medicine - Match 2028", 2028, Specialty.INTERNAL_MEDICINE,
            new Cohort.CycleDates(null, LocalDate.of(2027, 9, 24), null));
    static final RosterDirectory EMPTY = RosterDirectory.of(List.of(IM), Map.of(), Map.of(), Set.of());

    /** A valid row; the student and attending numbered so rows can share or not share people. */
    static String row(int student, int attending, String start, String end) {
        return String.join(",", "student" + student + "@school.example", "Student " + student, "Internal Medicine - Match 2028",
                "University of Lagos", "Nigeria", "Internal Medicine;Cardiology", "St. Mary's Medical Center", "Internal Medicine",
                "inpatient", "hands-on", "yes", start, end, "Dr. Attending " + attending, "att" + attending + "@hospital.example",
                "program director", "Internal Medicine", "yes", "20");
    }

    static String row(int student, int attending) {
        return row(student, attending, "2026-10-01", "2026-10-28");
    }

    static RosterPlan read(RosterDirectory directory, String... lines) {
        return RosterCsv.read((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), directory);
    }

    /** Replaces one cell of a row, by column name. */
    static String with(String row, String column, String value) {
        String[] cells = row.split(",", -1);
        cells[RosterColumns.ALL.indexOf(column)] = value;
        return String.join(",", cells);
    }

    @Test
    void a_valid_file_plans_new_students_attendings_and_one_rotation_per_row() {
        RosterPlan plan = read(EMPTY, HEADER, row(1, 1), row(1, 2, "2026-11-01", "2026-11-28"), row(2, 1));

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.rows()).isEqualTo(3);
        assertThat(plan.newStudents()).containsOnlyKeys("student1@school.example", "student2@school.example");
        assertThat(plan.newAttendings()).containsOnlyKeys("att1@hospital.example", "att2@hospital.example");
        assertThat(plan.rotations()).hasSize(3);
        RosterPlan.PlannedStudent first = plan.newStudents().get("student1@school.example");
        assertThat(first.targetSpecialties()).containsExactly(Specialty.INTERNAL_MEDICINE, Specialty.CARDIOLOGY);
        assertThat(first.medicalSchool()).isEqualTo("University of Lagos");
        assertThat(plan.newAttendings().get("att1@hospital.example").title().name()).isEqualTo("PROGRAM_DIRECTOR");
        assertThat(plan.rotations().get(2).line()).isEqualTo(4);
    }

    @Test
    void end_before_start_and_an_unknown_specialty_are_reported_with_their_line_and_column() {
        RosterPlan plan = read(EMPTY, HEADER, row(1, 1),
                row(2, 1, "2026-10-28", "2026-10-01"),
                with(row(3, 1), RosterColumns.ROTATION_SPECIALTY, "Dermatology"));

        assertThat(plan.problems()).extracting(RowProblem::line, RowProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "end_date"),
                        org.assertj.core.groups.Tuple.tuple(4L, "rotation_specialty"));
        assertThat(plan.problems().get(0).message()).isEqualTo("end_date (1 Oct 2026) is before start_date (28 Oct 2026)");
        assertThat(plan.problems().get(1).message()).startsWith("Unknown specialty \"Dermatology\"");
    }

    @Test
    void bad_cells_are_each_reported_in_their_column() {
        String bad = with(with(with(with(with(with(row(1, 1), RosterColumns.STUDENT_EMAIL, "not-an-email"),
                RosterColumns.SETTING, "ward"), RosterColumns.ACADEMIC, "maybe"), RosterColumns.ATTENDING_TITLE, "chief"),
                RosterColumns.CONTACT_DAYS, "40"), RosterColumns.COHORT, "Surgery 2030");
        RosterPlan plan = read(EMPTY, HEADER, bad);

        assertThat(plan.problems()).extracting(RowProblem::column).containsExactlyInAnyOrder(
                "student_email", "cohort", "attending_title", "setting", "academic", "contact_days");
        assertThat(plan.problems()).allMatch(p -> p.line() == 2);
        assertThat(plan.problems()).filteredOn(p -> p.column().equals("student_email")).first()
                .extracting(RowProblem::message).isEqualTo("student_email is not a valid email address: not-an-email");
        assertThat(plan.problems()).filteredOn(p -> p.column().equals("cohort")).first()
                .extracting(RowProblem::message).asString().contains("Internal Medicine - Match 2028");
    }

    /** The roster meter counts rows, not problems: a row with six bad cells is one refused row. */
    @Test
    void a_row_is_refused_once_however_many_problems_it_has_and_the_other_rows_pass() {
        String bad = with(with(row(2, 1), RosterColumns.SETTING, "ward"), RosterColumns.ACADEMIC, "maybe");
        RosterPlan plan = read(EMPTY, HEADER, row(1, 1), bad, row(3, 1, "2026-10-28", "2026-10-01"), row(4, 1));

        assertThat(plan.problemCount()).isEqualTo(3);
        assertThat(plan.rows()).isEqualTo(4);
        assertThat(plan.refusedRows()).isEqualTo(2);
        assertThat(read(EMPTY, HEADER, row(1, 1), row(2, 1)).refusedRows()).isZero();
    }

    @Test
    void contact_days_beyond_the_rotation_and_a_missing_site_come_from_the_domain_rules() {
        RosterPlan plan = read(EMPTY, HEADER, with(row(1, 1), RosterColumns.CONTACT_DAYS, "40"),
                with(row(2, 1), RosterColumns.SITE, ""), with(row(3, 1), RosterColumns.START_DATE, "01/10/2026"));

        assertThat(plan.problems()).extracting(RowProblem::line, RowProblem::column, RowProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "contact_days", "Contact days must be between 0 and the rotation's 28 days, not 40"),
                org.assertj.core.groups.Tuple.tuple(3L, "site", "site is required"),
                org.assertj.core.groups.Tuple.tuple(4L, "start_date",
                        "start_date must be a date written yyyy-MM-dd, such as 2026-10-05, not \"01/10/2026\""));
    }

    @Test
    void one_email_is_one_person_and_the_same_rotation_twice_is_a_duplicate() {
        String renamed = with(row(1, 2, "2026-11-01", "2026-11-28"), RosterColumns.STUDENT_NAME, "Someone Else");
        String attendingRenamed = with(row(2, 1, "2026-11-01", "2026-11-28"), RosterColumns.ATTENDING_NAME, "Dr. Other");
        RosterPlan plan = read(EMPTY, HEADER, row(1, 1), row(2, 1), renamed, attendingRenamed, row(1, 1));

        assertThat(plan.problems()).extracting(RowProblem::line, RowProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4L, "student_name"),
                org.assertj.core.groups.Tuple.tuple(5L, "attending_name"),
                org.assertj.core.groups.Tuple.tuple(6L, "row"));
        assertThat(plan.problems().get(0).message()).contains("line 2").contains("one email is one person");
        assertThat(plan.problems().get(2).message()).isEqualTo("Duplicate of line 2: the same student, site, dates and attending.");
    }

    @Test
    void people_already_in_the_agency_are_reused_and_a_stored_rotation_is_not_imported_twice() {
        RosterDirectory directory = RosterDirectory.of(List.of(IM), Map.of("student1@school.example", "Student 1"),
                Map.of("att1@hospital.example", "Dr. Attending 1"),
                Set.of(RosterDirectory.rotationKey("student1@school.example", "st. mary's medical center",
                        LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 28), "att1@hospital.example")));
        RosterPlan fine = read(directory, HEADER, row(1, 1, "2026-11-01", "2026-11-28"), row(2, 2));
        assertThat(fine.problems()).isEmpty();
        assertThat(fine.reusedStudents()).containsExactly("student1@school.example");
        assertThat(fine.reusedAttendings()).containsExactly("att1@hospital.example");
        assertThat(fine.newStudents()).containsOnlyKeys("student2@school.example");

        RosterPlan again = read(directory, HEADER, row(1, 1));
        assertThat(again.problems()).singleElement().extracting(RowProblem::column).isEqualTo("row");
        RosterPlan otherName = read(directory, HEADER, with(row(1, 1, "2026-11-01", "2026-11-28"), RosterColumns.STUDENT_NAME, "Imposter"));
        assertThat(otherName.problems()).singleElement().extracting(RowProblem::message).asString()
                .contains("already in your agency as \"Student 1\"");
    }

    @Test
    void line_numbers_count_blank_lines_and_line_breaks_inside_quoted_values() {
        String multiLine = with(row(2, 1), RosterColumns.MEDICAL_SCHOOL, "\"University\nof Lagos\"");
        String bad = with(row(3, 1), RosterColumns.KIND, "shadowing");
        RosterPlan plan = RosterCsv.read(("\uFEFF" + HEADER + "\r\n" + row(1, 1) + "\r\n\r\n" + multiLine + "\r\n" + bad)
                .getBytes(StandardCharsets.UTF_8), EMPTY);

        assertThat(plan.rows()).isEqualTo(3);
        assertThat(plan.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo("kind");
        });
    }

    @Test
    void a_bad_email_does_not_hide_the_other_problems_of_that_person() {
        String row = with(with(with(row(1, 1), RosterColumns.STUDENT_EMAIL, "nobody"), RosterColumns.STUDENT_NAME, ""),
                RosterColumns.ATTENDING_EMAIL, "");
        RosterPlan plan = read(EMPTY, HEADER, with(row, RosterColumns.ATTENDING_NAME, ""));

        assertThat(plan.problems()).extracting(RowProblem::column, RowProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("student_email", "student_email is not a valid email address: nobody"),
                org.assertj.core.groups.Tuple.tuple("student_name", "student_name is required"),
                org.assertj.core.groups.Tuple.tuple("attending_email", "attending_email is required"),
                org.assertj.core.groups.Tuple.tuple("attending_name", "attending_name is required"));
    }

    @Test
    void header_names_may_differ_in_case_and_spacing() {
        String header = HEADER.toUpperCase(java.util.Locale.ROOT).replace(",", " , ");
        RosterPlan plan = read(EMPTY, header, row(1, 1));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.rotations()).hasSize(1);
    }

    @Test
    void a_header_naming_a_column_twice_is_refused() {
        assertThatThrownBy(() -> read(EMPTY, HEADER + ",site", row(1, 1)))
                .isInstanceOf(DomainException.class).hasMessageContaining("header");
    }

    @Test
    void a_file_that_is_not_a_roster_is_refused_as_a_whole() {
        assertThatThrownBy(() -> RosterCsv.read("name,email\nA,a@b.example\n".getBytes(StandardCharsets.UTF_8), EMPTY))
                .isInstanceOf(DomainException.class).hasMessageContaining("lacks the columns student_email");
        assertThatThrownBy(() -> RosterCsv.read((HEADER + "\n").getBytes(StandardCharsets.UTF_8), EMPTY))
                .hasMessageContaining("no rows");
        assertThatThrownBy(() -> RosterCsv.read(new byte[]{(byte) 0xC3, (byte) 0x28, 'a'}, EMPTY))
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> RosterCsv.read(new byte[RosterCsv.MAX_BYTES + 1], EMPTY))
                .hasMessageContaining("at most 5.0 MB");
        assertThatThrownBy(() -> read(EMPTY, HEADER, with(row(1, 1), RosterColumns.SITE, "\"St. Mary\"s")))
                .isInstanceOf(DomainException.class).hasMessageContaining("not valid CSV");
    }

    @Test
    void more_rows_than_allowed_are_refused_with_the_limit() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i <= RosterCsv.MAX_ROWS; i++) {
            csv.append("a,,,,,,,,,,,,,,,,,,\n");
        }
        assertThatThrownBy(() -> RosterCsv.read(csv.toString().getBytes(StandardCharsets.UTF_8), EMPTY))
                .hasMessageContaining("more than 20,000 rows");
    }

    /** The sample staff download from the import page (web module) must import as it is. */
    @Test
    void the_downloadable_sample_is_a_valid_roster() throws java.io.IOException {
        byte[] sample = java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("../web/src/main/webapp/resources/samples/roster-sample.csv"));
        RosterPlan plan = RosterCsv.read(sample, EMPTY);

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.rows()).isEqualTo(7);
        assertThat(plan.newStudents()).hasSize(4);
        assertThat(plan.newAttendings()).hasSize(5);
        assertThat(plan.newStudents().get("lucia.fernandez@student.example").fullName()).isEqualTo("Lucía Fernández");
        assertThat(plan.rotations()).extracting(RosterPlan.PlannedRotation::site).contains("Hospital Italiano, Buenos Aires");
    }

    /** The size of a large agency's file, checked in one go. How fast is the benchmark's to measure, not a timed test's. */
    @Test
    void ten_thousand_rows_are_checked_in_one_go() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 10_000; i++) {
            csv.append(row(i / 2, i % 300, LocalDate.of(2026, 1, 1).plusDays(i % 2 * 40).toString(),
                    LocalDate.of(2026, 1, 28).plusDays(i % 2 * 40).toString())).append('\n');
        }
        RosterPlan plan = RosterCsv.read(csv.toString().getBytes(StandardCharsets.UTF_8), EMPTY);

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.rotations()).hasSize(10_000);
        assertThat(plan.newStudents()).hasSize(5_000);
        assertThat(plan.newAttendings()).hasSize(300);
    }
}
