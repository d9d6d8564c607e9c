package org.lorkit.it.roster;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.cohort.NewCohort;
import org.lorkit.application.roster.ImportState;
import org.lorkit.application.roster.RosterColumns;
import org.lorkit.application.roster.RosterImportProgress;
import org.lorkit.application.roster.RosterImportService;
import org.lorkit.application.roster.RosterPreview;
import org.lorkit.application.roster.RowProblem;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentService;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.RowCounts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.lorkit.it.support.RosterRows.awaitFinished;
import static org.lorkit.it.support.RosterRows.csv;
import static org.lorkit.it.support.RosterRows.row;
import static org.lorkit.it.support.RosterRows.with;

/**
 * The roster import end to end: a 10,000-row file with one bad cell is refused with exactly that line and
 * column and stores nothing; once fixed, it is stored in the background, all of it; the downloadable
 * sample imports as it is; problems are reported in the file's column names.
 */
class RosterImportIT extends InsideLorKit {
    private static final int ROWS = 10_000;
    /** File line 7,431: the header is line 1, so it is row index 7,430 of the lines below. */
    private static final int BAD_LINE = 7_431;

    @Inject
    RosterImportService roster;
    @Inject
    CohortService cohorts;
    @Inject
    StudentService students;
    @Inject
    RotationService rotations;
    @Inject
    RowCounts counts;


    @Test
    void ten_thousand_rows_with_one_bad_cell_store_nothing_and_all_of_them_once_fixed() {
        long agency = fixtures.agency().id();
        CohortView cohort = as.staff(agency, () -> fixtures.cohort());
        // Something already there, so "nothing stored" is measured against more than zero.
        as.staff(agency, () -> fixtures.rotation(fixtures.student(cohort), fixtures.attending("Internal Medicine"), 10));
        long studentsBefore = counts.students(agency);
        long rotationsBefore = counts.rotations(agency);

        String[] rows = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            rows[i] = row(cohort.name(), "bulk-", i / 5, i % 5, i % 250);
        }
        String good = rows[BAD_LINE - 2];
        rows[BAD_LINE - 2] = with(good, RosterColumns.ATTENDING_EMAIL, "dr.nobody-at-hospital.example");

        RosterPreview refused = as.staff(agency, () -> roster.preview(csv(List.of(rows))));
        assertThat(refused.rows()).isEqualTo(ROWS);
        assertThat(refused.problemCount()).isEqualTo(1);
        assertThat(refused.problems()).extracting(RowProblem::line, RowProblem::column)
                .containsExactly(tuple((long) BAD_LINE, RosterColumns.ATTENDING_EMAIL));
        assertThat(refused.problems().get(0).message()).contains("dr.nobody-at-hospital.example");
        assertThat(refused.ready()).isFalse();
        assertThat(refused.importId()).as("a file with problems cannot be confirmed").isNull();
        assertThat(counts.students(agency)).isEqualTo(studentsBefore);
        assertThat(counts.rotations(agency)).isEqualTo(rotationsBefore);

        rows[BAD_LINE - 2] = good;
        RosterPreview fixed = as.staff(agency, () -> roster.preview(csv(List.of(rows))));
        assertThat(fixed.problems()).isEmpty();
        assertThat(fixed.ready()).isTrue();
        assertThat(fixed.rotations()).isEqualTo(ROWS);
        assertThat(fixed.newStudents()).isEqualTo(ROWS / 5);
        assertThat(fixed.newAttendings()).isEqualTo(250);
        assertThat(counts.rotations(agency)).as("a preview stores nothing").isEqualTo(rotationsBefore);

        RosterImportProgress started = as.staff(agency, () -> roster.confirm(fixed.importId()));
        assertThat(started.rowsTotal()).isEqualTo(ROWS);
        RosterImportProgress done = awaitFinished(as, roster, agency, fixed.importId(), Duration.ofMinutes(10));

        assertThat(done.state()).as(done.message() == null ? "stored" : done.message()).isEqualTo(ImportState.DONE);
        assertThat(done.rowsDone()).isEqualTo(ROWS);
        assertThat(done.rotationsCreated()).isEqualTo(ROWS);
        assertThat(done.studentsCreated()).isEqualTo(ROWS / 5);
        assertThat(done.attendingsCreated()).isEqualTo(250);
        assertThat(done.toInvite()).isEqualTo(ROWS / 5);
        assertThat(counts.rotations(agency)).isEqualTo(rotationsBefore + ROWS);
        assertThat(counts.supervisions(agency)).isGreaterThanOrEqualTo(ROWS);
        assertThat(counts.students(agency)).isEqualTo(studentsBefore + ROWS / 5);

        // Confirming again (a double click, another tab) stores nothing more; the same file again is refused row by row.
        as.staff(agency, () -> roster.confirm(fixed.importId()));
        assertThat(counts.rotations(agency)).isEqualTo(rotationsBefore + ROWS);
        RosterPreview again = as.staff(agency, () -> roster.preview(csv(List.of(rows))));
        assertThat(again.problemCount()).isEqualTo(ROWS);
        assertThat(again.existingStudents()).isEqualTo(ROWS / 5);
        assertThat(again.problems().get(0).message()).startsWith("Already stored");

        // Another agency's staff cannot follow, confirm or invite this import.
        long other = fixtures.agency().id();
        assertThatThrownBy(() -> as.staff(other, () -> roster.progress(fixed.importId())))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("No roster import");
        assertThat(counts.rotations(other)).isZero();
    }

    @Test
    void the_downloadable_sample_imports_as_it_is() throws IOException {
        byte[] sample;
        try (InputStream in = RosterImportIT.class.getClassLoader().getResourceAsStream("roster-sample.csv")) {
            assertThat(in).as("the sample CSV is in the test module (Deployments)").isNotNull();
            sample = in.readAllBytes();
        }
        long agency = fixtures.agency().id();
        CohortView cohort = as.staff(agency, () -> cohorts.create(new NewCohort("Internal Medicine - Match 2028", 2028,
                "Internal Medicine", LocalDate.of(2027, 6, 4), LocalDate.of(2027, 9, 24), LocalDate.of(2027, 9, 24))));

        RosterPreview preview = as.staff(agency, () -> roster.preview(sample));
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.rows()).isEqualTo(7);
        assertThat(preview.newStudents()).isEqualTo(4);
        assertThat(preview.newAttendings()).isEqualTo(5);

        as.staff(agency, () -> roster.confirm(preview.importId()));
        RosterImportProgress done = awaitFinished(as, roster, agency, preview.importId(), Duration.ofMinutes(2));
        assertThat(done.state()).as(String.valueOf(done.message())).isEqualTo(ImportState.DONE);

        List<StudentView> enrolled = as.staff(agency, () -> students.listByCohort(cohort.id()));
        assertThat(enrolled).extracting(StudentView::fullName)
                .containsExactlyInAnyOrder("Arjun Rao", "Farid Nasser", "Lucía Fernández", "Ngozi Adeyemi");
        StudentView lucia = enrolled.stream().filter(s -> s.email().equals("lucia.fernandez@student.example")).findFirst().orElseThrow();
        List<RotationView> hers = as.staff(agency, () -> rotations.listByStudent(lucia.id()));
        assertThat(hers).extracting(RotationView::site)
                .containsExactlyInAnyOrder("St. Mary's Medical Center", "Hospital Italiano, Buenos Aires");
        assertThat(hers).allSatisfy(r -> assertThat(r.supervisors()).hasSize(1));
        assertThat(counts.rotations(agency)).isEqualTo(7);
    }

    @Test
    void end_before_start_and_an_unknown_specialty_are_reported_in_their_columns() {
        long agency = fixtures.agency().id();
        CohortView cohort = as.staff(agency, () -> fixtures.cohort());
        String valid = row(cohort.name(), "", 1, 0, 1);
        String endBeforeStart = with(with(row(cohort.name(), "", 2, 0, 1), RosterColumns.START_DATE, "2026-10-28"),
                RosterColumns.END_DATE, "2026-10-01");
        String unknownSpecialty = with(row(cohort.name(), "", 3, 0, 1), RosterColumns.ROTATION_SPECIALTY, "Dermatology");

        RosterPreview preview = as.staff(agency, () -> roster.preview(csv(List.of(valid, endBeforeStart, unknownSpecialty))));

        assertThat(preview.problems()).extracting(RowProblem::line, RowProblem::column)
                .containsExactly(tuple(3L, RosterColumns.END_DATE), tuple(4L, RosterColumns.ROTATION_SPECIALTY));
        assertThat(preview.problems().get(0).message()).isEqualTo("end_date (1 Oct 2026) is before start_date (28 Oct 2026)");
        assertThat(preview.problems().get(1).message()).startsWith("Unknown specialty \"Dermatology\"");
        assertThat(preview.importId()).isNull();
        assertThat(counts.students(agency)).isZero();
        assertThat(counts.rotations(agency)).isZero();
    }
}
