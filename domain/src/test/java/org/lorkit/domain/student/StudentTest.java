package org.lorkit.domain.student;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lorkit.domain.TestData;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Specialty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lorkit.domain.shared.Specialty.FAMILY_MEDICINE;
import static org.lorkit.domain.shared.Specialty.INTERNAL_MEDICINE;
import static org.lorkit.domain.shared.Specialty.PEDIATRICS;

class StudentTest {
    /** The test cohort (Match 2028): ERAS opens 5 Jun 2027, the cohort submits on 15 Sep 2027. */
    private final Cohort cohort = TestData.imCohort();
    private static final LocalDate TODAY = LocalDate.of(2027, 6, 25);

    private Student student(List<Specialty> targets) {
        return new Student(cohort, "Amina Rahman", "amina@example.org", targets);
    }

    private static String fieldOf(Throwable e) {
        return ((DomainException) e).field();
    }

    @Test
    void aValidStudentKeepsItsData() {
        Student student = new Student(cohort, "  Amina Rahman ", " Amina@Example.ORG ", List.of(INTERNAL_MEDICINE));

        assertThat(student.getCohort()).isSameAs(cohort);
        assertThat(student.getFullName()).isEqualTo("Amina Rahman");
        assertThat(student.getEmail()).isEqualTo("amina@example.org");
        assertThat(student.getErasAamcId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", " 20261234 ", "00000001"})
    void anErasAamcIdOfEightDigitsIsAccepted(String id) {
        Student student = student(null);

        student.recordErasIds(id, null);

        assertThat(student.getErasAamcId()).isEqualTo(id.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "123456789", "abcdefgh", "1234567a", "1234 5678", "12-345678",
            "123456789012345678901"})
    void anErasAamcIdThatIsNotEightDigitsIsRefused(String id) {
        Student student = student(null);
        student.recordErasIds("12345678", null);

        assertThatThrownBy(() -> student.recordErasIds(id, null))
                .isInstanceOf(DomainException.class)
                .extracting(StudentTest::fieldOf).isEqualTo("erasAamcId");
        assertThat(student.getErasAamcId()).as("unchanged after a refusal").isEqualTo("12345678");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aBlankErasAamcIdClearsIt(String blank) {
        Student student = student(null);
        student.recordErasIds("12345678", "N1234567");

        student.recordErasIds(blank, null);

        assertThat(student.getErasAamcId()).isNull();
        assertThat(student.getNrmpId()).isNull();
    }

    @Test
    void anNrmpIdIsOptionalAndChecked() {
        Student student = student(null);

        student.recordErasIds("12345678", "N1234-567");
        assertThat(student.getNrmpId()).isEqualTo("N1234-567");

        assertThatThrownBy(() -> student.recordErasIds("12345678", "N12 345"))
                .isInstanceOf(DomainException.class)
                .extracting(StudentTest::fieldOf).isEqualTo("nrmpId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"amina", "amina@", "amina@example", "@example.org", "amina rahman@example.org",
            "amina@@example.org"})
    void aBadEmailIsRefused(String email) {
        assertThatThrownBy(() -> new Student(cohort, "Amina Rahman", email, null))
                .isInstanceOf(DomainException.class)
                .extracting(StudentTest::fieldOf).isEqualTo("email");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingEmailIsRefused(String email) {
        assertThatThrownBy(() -> new Student(cohort, "Amina Rahman", email, null))
                .isInstanceOf(DomainException.class)
                .extracting(StudentTest::fieldOf).isEqualTo("email");
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> new Student(cohort, "  ", "amina@example.org", null))
                .isInstanceOf(DomainException.class)
                .extracting(StudentTest::fieldOf).isEqualTo("fullName");
    }

    @Test
    void targetSpecialtiesDefaultToTheCohortsWhenNull() {
        Student student = student(null);

        assertThat(student.getTargetSpecialties()).containsExactly(INTERNAL_MEDICINE);
        assertThat(student.primaryTargetSpecialty()).isEqualTo(INTERNAL_MEDICINE);
    }

    @Test
    void targetSpecialtiesDefaultToTheCohortsWhenEmpty() {
        assertThat(student(List.of()).getTargetSpecialties()).containsExactly(INTERNAL_MEDICINE);
    }

    @Test
    void duplicateTargetSpecialtiesCollapseKeepingTheOrder() {
        Student student = student(List.of(FAMILY_MEDICINE, INTERNAL_MEDICINE, FAMILY_MEDICINE, INTERNAL_MEDICINE));

        assertThat(student.getTargetSpecialties()).containsExactly(FAMILY_MEDICINE, INTERNAL_MEDICINE);
        assertThat(student.primaryTargetSpecialty()).isEqualTo(FAMILY_MEDICINE);
    }

    @Test
    void changingTargetSpecialtiesReplacesThem() {
        Student student = student(null);

        student.changeTargetSpecialties(List.of(PEDIATRICS, PEDIATRICS));

        assertThat(student.getTargetSpecialties()).containsExactly(PEDIATRICS);
    }

    @Test
    void changingTargetSpecialtiesToNothingIsRefused() {
        Student student = student(List.of(PEDIATRICS));

        assertThatThrownBy(() -> student.changeTargetSpecialties(List.of()))
                .isInstanceOf(DomainException.class)
                .extracting(StudentTest::fieldOf).isEqualTo("targetSpecialties");
        assertThatThrownBy(() -> student.changeTargetSpecialties(new ArrayList<>(Arrays.asList(PEDIATRICS, null))))
                .isInstanceOf(DomainException.class);
        assertThat(student.getTargetSpecialties()).containsExactly(PEDIATRICS);
    }

    @Test
    void targetSpecialtiesAreReturnedReadOnly() {
        Student student = student(null);

        assertThatThrownBy(() -> student.getTargetSpecialties().add(PEDIATRICS))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void plannedSubmitDateFallsBackToTheCohorts() {
        Student student = student(null);

        assertThat(student.effectivePlannedSubmitOn()).isEqualTo(TestData.PLANNED_SUBMIT);

        student.planSubmission(LocalDate.of(2027, 9, 30), TODAY);
        assertThat(student.effectivePlannedSubmitOn()).isEqualTo(LocalDate.of(2027, 9, 30));

        student.planSubmission(null, TODAY);
        assertThat(student.effectivePlannedSubmitOn()).isEqualTo(TestData.PLANNED_SUBMIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 312 555 0188", "(312) 555-0188", "312.555.0188", "+90 532 123 45 67", "0532/1234567", "+1 312 555 0188 ext. 12"})
    void aPhoneIsKeptAsTyped(String phone) {
        Student student = student(List.of(INTERNAL_MEDICINE));
        student.changePhone("  " + phone + " ");
        assertThat(student.getPhone()).isEqualTo(phone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"call me", "555-018", "+1 312 555 0188 9999 12", "312-555-0188; drop table", "+1 +312 5550188"})
    void aPhoneThatIsNoPhoneNumberIsRefused(String phone) {
        Student student = student(List.of(INTERNAL_MEDICINE));
        student.changePhone("+1 312 555 0188");
        assertThatThrownBy(() -> student.changePhone(phone))
                .isInstanceOf(DomainException.class)
                .hasMessageStartingWith("A phone number has 7 to 15 digits")
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("phone"));
        assertThat(student.getPhone()).as("unchanged").isEqualTo("+1 312 555 0188");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aBlankPhoneClearsIt(String blank) {
        Student student = student(List.of(INTERNAL_MEDICINE));
        student.changePhone("+1 312 555 0188");
        student.changePhone(blank);
        assertThat(student.getPhone()).isNull();
    }

    @Test
    void theOwnSubmitDateMayBeTodayButNeverInThePast() {
        Student student = student(null);

        student.planSubmission(TODAY, TODAY);
        assertThat(student.effectivePlannedSubmitOn()).isEqualTo(TODAY);

        assertThatThrownBy(() -> student.planSubmission(TODAY.minusDays(1), TODAY))
                .isInstanceOf(DomainException.class)
                .hasMessage("The submit date cannot be in the past: choose 25 Jun 2027 or later")
                .extracting(StudentTest::fieldOf).isEqualTo("plannedSubmitOn");
        assertThat(student.effectivePlannedSubmitOn()).as("a refused date changes nothing").isEqualTo(TODAY);
    }

    @Test
    void theOwnSubmitDateIsNotBeforeErasOpensToApplicants() {
        Student student = student(null);
        LocalDate early = LocalDate.of(2027, 5, 20);

        assertThatThrownBy(() -> student.planSubmission(LocalDate.of(2027, 6, 4), early))
                .isInstanceOf(DomainException.class)
                .hasMessage("ERAS opens to applicants on 5 Jun 2027: choose that day or later");
        student.planSubmission(LocalDate.of(2027, 6, 5), early);
        assertThat(student.earliestPlannedSubmitOn(early)).isEqualTo(LocalDate.of(2027, 6, 5));
        assertThat(student.earliestPlannedSubmitOn(TODAY)).isEqualTo(TODAY);
    }

    @Test
    void theOwnSubmitDateStaysWithinTheCohortsApplicationSeason() {
        Student student = student(null);

        student.planSubmission(LocalDate.of(2027, 12, 31), TODAY);
        assertThatThrownBy(() -> student.planSubmission(LocalDate.of(2028, 1, 1), TODAY))
                .isInstanceOf(DomainException.class)
                .hasMessage("That is after the application season of IM - Match 2028: choose 31 Dec 2027 or earlier");
        assertThat(student.latestPlannedSubmitOn()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(student.effectivePlannedSubmitOn()).isEqualTo(LocalDate.of(2027, 12, 31));
    }

    @Test
    void choosingTheCohortsOwnDateFollowsTheCohort() {
        Student student = student(null);
        student.planSubmission(LocalDate.of(2027, 9, 1), TODAY);

        student.planSubmission(TestData.PLANNED_SUBMIT, TODAY);

        assertThat(student.getPlannedSubmitOn()).as("no date of the student's own").isNull();
        cohort.reschedule(new Cohort.CycleDates(cohort.getErasOpensOn(), LocalDate.of(2027, 9, 20), cohort.getProgramsReviewOn()));
        assertThat(student.effectivePlannedSubmitOn()).isEqualTo(LocalDate.of(2027, 9, 20));
    }
}
