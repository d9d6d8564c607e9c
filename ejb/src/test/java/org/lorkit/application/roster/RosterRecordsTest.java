package org.lorkit.application.roster;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.shared.FieldProblems;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One record checked is one row checked: the same problems as the file's, under the API's field names. */
class RosterRecordsTest {
    private static Map<String, String> studentCells(String email, String name, String cohort, String targets) {
        Map<String, String> cells = new HashMap<>();
        cells.put(RosterColumns.STUDENT_EMAIL, email);
        cells.put(RosterColumns.STUDENT_NAME, name);
        cells.put(RosterColumns.COHORT, cohort);
        cells.put(RosterColumns.TARGET_SPECIALTY, targets);
        return cells;
    }

    @Test
    void aStudentRecordGetsTheSameProblemsAsTheSameCellsOfAFile() {
        String row = RosterCsvTest.with(RosterCsvTest.with(RosterCsvTest.row(1, 1), RosterColumns.STUDENT_EMAIL, "student-at-school"),
                RosterColumns.TARGET_SPECIALTY, "Astrology");
        List<RowProblem> fromFile = RosterCsvTest.read(RosterCsvTest.EMPTY, RosterCsvTest.HEADER, row).problems();

        RosterPlan plan = RosterCsv.checkStudent(studentCells("student-at-school", "Student 1", "Internal Medicine - Match 2028",
                "Astrology"), RosterCsvTest.EMPTY);

        assertThat(plan.problems()).extracting(RowProblem::column, RowProblem::message).containsExactlyElementsOf(
                fromFile.stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.column(), p.message())).toList());
        assertThat(RosterRecords.problems(plan, RosterRecords.STUDENT_FIELDS)).extracting(FieldProblems.Problem::field)
                .containsExactly("email", "targetSpecialties");
        assertThat(RosterRecords.problems(plan, RosterRecords.STUDENT_FIELDS)).extracting(FieldProblems.Problem::message)
                .noneMatch(message -> message.contains("student_email") || message.contains("target_specialty"));
    }

    @Test
    void aValidStudentRecordIsTheOneNewStudent() {
        RosterPlan plan = RosterCsv.checkStudent(studentCells(" Student9@School.example ", "Student 9", "internal medicine - match 2028",
                null), RosterCsvTest.EMPTY);

        assertThat(plan.hasProblems()).isFalse();
        assertThat(plan.newStudents()).containsOnlyKeys("student9@school.example");
    }

    @Test
    void aRotationRecordNamesItsFieldsTheApisWay() {
        Map<String, String> cells = new HashMap<>();
        cells.put(RosterColumns.SITE, "St. Mary's");
        cells.put(RosterColumns.ROTATION_SPECIALTY, "Internal Medicine");
        cells.put(RosterColumns.SETTING, "inpatient");
        cells.put(RosterColumns.KIND, "hands-on");
        cells.put(RosterColumns.ACADEMIC, "yes");
        cells.put(RosterColumns.START_DATE, "2026-10-28");
        cells.put(RosterColumns.END_DATE, "2026-10-01");
        cells.put(RosterColumns.CONTACT_DAYS, "5");

        List<FieldProblems.Problem> problems = RosterRecords.problems(RosterCsv.checkRotation(cells, "student1@school.example",
                "att1@hospital.example", RosterCsvTest.EMPTY), RosterRecords.ROTATION_FIELDS);

        assertThat(problems).extracting(FieldProblems.Problem::field).containsExactly("endDate");
        assertThat(problems.get(0).message()).contains("endDate").contains("startDate").doesNotContain("end_date");
    }
}
