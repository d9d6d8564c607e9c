package org.lorkit.domain.letter;

import static org.lorkit.domain.TestData.utc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lorkit.domain.TestData;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.letter.LetterGoal.Letter;
import org.lorkit.domain.letter.LetterGoal.Status;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lorkit.domain.letter.LetterState.*;
import static org.lorkit.domain.letter.LetterValue.*;
import static org.lorkit.domain.shared.Specialty.CARDIOLOGY;
import static org.lorkit.domain.shared.Specialty.FAMILY_MEDICINE;
import static org.lorkit.domain.shared.Specialty.INTERNAL_MEDICINE;
import static org.lorkit.domain.shared.Specialty.PEDIATRICS;

class LetterGoalTest {
    private static final Set<Specialty> IM = Set.of(INTERNAL_MEDICINE);

    private static Letter im(LetterState state) {
        return new Letter(US_ATTENDING_IN_FIELD, INTERNAL_MEDICINE, state);
    }

    private static Letter peds(LetterState state) {
        return new Letter(US_ATTENDING_OTHER_CORE_FIELD, PEDIATRICS, state);
    }

    @Test
    void noLettersIsShort() {
        LetterGoal goal = LetterGoal.assess(List.of(), IM);

        assertThat(goal.status()).isEqualTo(Status.SHORT);
        assertThat(goal.securedUsClinical()).isZero();
        assertThat(goal.pendingUsClinical()).isZero();
        assertThat(goal.summary()).isEqualTo("You have 0 strong US clinical letters; aim for 2 to 3.");
    }

    @Test
    void oneLetterIsShortWithASingularSummary() {
        LetterGoal goal = LetterGoal.assess(List.of(im(SUBMITTED)), IM);

        assertThat(goal.status()).isEqualTo(Status.SHORT);
        assertThat(goal.summary()).isEqualTo("You have 1 strong US clinical letter; aim for 2 to 3.");
    }

    @Test
    void twoSubmittedWithOneInTargetIsReached() {
        LetterGoal goal = LetterGoal.assess(List.of(im(SUBMITTED), peds(SUBMITTED)), IM);

        assertThat(goal.status()).isEqualTo(Status.REACHED);
        assertThat(goal.securedUsClinical()).isEqualTo(2);
        assertThat(goal.targetSpecialtyCovered()).isTrue();
        assertThat(goal.summary()).isEqualTo(
                "You have 2 strong US clinical letters: a further letter helps only if it is genuinely strong.");
    }

    @Test
    void twoSubmittedInTargetIsReached() {
        assertThat(LetterGoal.assess(List.of(im(SUBMITTED), im(SUBMITTED)), IM).status()).isEqualTo(Status.REACHED);
    }

    @Test
    void twoSubmittedNoneInTargetIsNotReached() {
        LetterGoal goal = LetterGoal.assess(List.of(peds(SUBMITTED), peds(SUBMITTED)), IM);

        assertThat(goal.status()).isNotEqualTo(Status.REACHED).isEqualTo(Status.SHORT);
        assertThat(goal.targetSpecialtyCovered()).isFalse();
        assertThat(goal.summary()).isEqualTo(
                "You have 2 strong US clinical letters; get at least one from an attending in your target specialty.");
    }

    @Test
    void oneSubmittedAndOneKitSentInTargetIsOnTrack() {
        LetterGoal goal = LetterGoal.assess(List.of(peds(SUBMITTED), im(KIT_SENT)), IM);

        assertThat(goal.status()).isEqualTo(Status.ON_TRACK);
        assertThat(goal.securedUsClinical()).isEqualTo(1);
        assertThat(goal.pendingUsClinical()).isEqualTo(1);
        assertThat(goal.targetSpecialtyCovered()).isTrue();
    }

    @Test
    void twoSubmittedOutsideTargetPlusOneOnItsWayInTargetIsOnTrack() {
        LetterGoal goal = LetterGoal.assess(List.of(peds(SUBMITTED), peds(SUBMITTED), im(CONFIRMED)), IM);

        assertThat(goal.status()).isEqualTo(Status.ON_TRACK);
    }

    @ParameterizedTest
    @EnumSource(value = LetterState.class, names = {"STRONG_YES", "KIT_SENT", "CONFIRMED", "REMINDED_1", "REMINDED_2"})
    void aStrongYesNotYetUploadedCountsAsPending(LetterState state) {
        LetterGoal goal = LetterGoal.assess(List.of(im(state)), IM);

        assertThat(goal.pendingUsClinical()).isEqualTo(1);
        assertThat(goal.securedUsClinical()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = LetterState.class, names = {"PLANNED", "ASKED", "LUKEWARM", "DECLINED", "NOT_COMING", "WITHDRAWN"})
    void lettersWithoutAStrongYesDoNotCount(LetterState state) {
        LetterGoal goal = LetterGoal.assess(List.of(im(SUBMITTED), im(state), im(state)), IM);

        assertThat(goal.securedUsClinical()).isEqualTo(1);
        assertThat(goal.pendingUsClinical()).isZero();
        assertThat(goal.status()).isEqualTo(Status.SHORT);
    }

    @Test
    void nonUsAndResearchLettersDoNotCount() {
        List<Letter> letters = List.of(
                im(SUBMITTED),
                new Letter(NON_US_CLINICAL, INTERNAL_MEDICINE, SUBMITTED),
                new Letter(RESEARCH_ONLY, INTERNAL_MEDICINE, SUBMITTED),
                new Letter(NON_US_CLINICAL, INTERNAL_MEDICINE, KIT_SENT));

        LetterGoal goal = LetterGoal.assess(letters, IM);

        assertThat(goal.securedUsClinical()).isEqualTo(1);
        assertThat(goal.pendingUsClinical()).isZero();
        assertThat(goal.status()).isEqualTo(Status.SHORT);
        assertThat(goal.summary()).isEqualTo("You have 1 strong US clinical letter; aim for 2 to 3.");
    }

    @Test
    void anyOfSeveralTargetSpecialtiesCoversTheTarget() {
        LetterGoal goal = LetterGoal.assess(List.of(peds(SUBMITTED), new Letter(US_ATTENDING_IN_FIELD, FAMILY_MEDICINE, SUBMITTED)),
                Set.of(INTERNAL_MEDICINE, PEDIATRICS));

        assertThat(goal.status()).isEqualTo(Status.REACHED);
    }

    @Test
    void summaryCountsPendingLettersToo() {
        LetterGoal goal = LetterGoal.assess(List.of(im(SUBMITTED), im(STRONG_YES), peds(REMINDED_1)), IM);

        assertThat(goal.status()).isEqualTo(Status.ON_TRACK);
        assertThat(goal.summary()).startsWith("You have 3 strong US clinical letters");
    }

    // --- Whose letter it is: the writer's specialty, not the "letter for" label ---

    private static final Instant AT = Instant.parse("2027-06-27T10:00:00Z");

    /** A request as the real flow makes it (the label defaults to the student's target), asked, yes, kit, uploaded. */
    private static LetterRequest uploaded(Student student, Attending writer, Rotation rotation) {
        rotation.addSupervisor(writer, 24);
        LetterRequest request = new LetterRequest(student, writer, rotation, student.primaryTargetSpecialty(), AT);
        request.moveTo(ASKED, "student", "asked for a strong letter", utc(AT));
        request.moveTo(STRONG_YES, "student", "Absolutely, happy to", utc(AT));
        request.markKitSent(LocalDate.of(2027, 7, 20), "student", utc(AT));
        request.reportReceivedInEras("student", utc(AT.plusSeconds(3600)));
        return request;
    }

    private static Attending writer(String name, Specialty specialty) {
        return TestData.attending(name, AttendingTitle.ATTENDING, specialty, true);
    }

    @Test
    void two_family_medicine_writers_do_not_cover_internal_medicine_though_their_letters_are_labelled_for_it() {
        Student student = TestData.student();
        Rotation familyMedicine = TestData.rotation(student, RotationKind.HANDS_ON, FAMILY_MEDICINE);
        LetterRequest first = uploaded(student, writer("Ruth Okoro", FAMILY_MEDICINE), familyMedicine);
        LetterRequest second = uploaded(student, writer("Sam Mensah", FAMILY_MEDICINE), familyMedicine);

        LetterGoal goal = LetterGoal.of(List.of(first, second), student.getTargetSpecialties());

        assertThat(first.getSpecialty()).as("the label speaks to the student's target").isEqualTo(INTERNAL_MEDICINE);
        assertThat(goal.securedUsClinical()).isEqualTo(2);
        assertThat(goal.targetSpecialtyCovered()).isFalse();
        assertThat(goal.status()).isEqualTo(Status.SHORT);
        assertThat(goal.summary()).isEqualTo("You have 2 strong US clinical letters; get at least one from an attending in your target specialty.");
    }

    @Test
    void family_medicine_writers_on_an_internal_medicine_rotation_still_write_family_medicine_letters() {
        Student student = TestData.student();
        Rotation medicine = TestData.imRotation(student);

        LetterGoal goal = LetterGoal.of(List.of(uploaded(student, writer("Ruth Okoro", FAMILY_MEDICINE), medicine),
                uploaded(student, writer("Sam Mensah", FAMILY_MEDICINE), medicine)), student.getTargetSpecialties());

        assertThat(goal.targetSpecialtyCovered()).isFalse();
        assertThat(goal.status()).isEqualTo(Status.SHORT);
    }

    @Test
    void one_internal_medicine_writer_beside_a_family_medicine_one_reaches_the_goal() {
        Student student = TestData.student();
        Rotation familyMedicine = TestData.rotation(student, RotationKind.HANDS_ON, FAMILY_MEDICINE);

        LetterGoal goal = LetterGoal.of(List.of(uploaded(student, writer("Ruth Okoro", FAMILY_MEDICINE), familyMedicine),
                uploaded(student, writer("Dana Lee", INTERNAL_MEDICINE), familyMedicine)), student.getTargetSpecialties());

        assertThat(goal.targetSpecialtyCovered()).isTrue();
        assertThat(goal.status()).isEqualTo(Status.REACHED);
    }

    @Test
    void a_subspecialist_does_not_count_for_the_core_field() {
        LetterGoal goal = LetterGoal.assess(List.of(new Letter(US_SUBSPECIALIST_IN_FIELD, CARDIOLOGY, SUBMITTED),
                new Letter(US_SUBSPECIALIST_IN_FIELD, CARDIOLOGY, SUBMITTED)), IM);

        assertThat(goal.targetSpecialtyCovered()).isFalse();
        assertThat(goal.status()).isEqualTo(Status.SHORT);
    }

    @Test
    void the_writer_practises_the_attendings_specialty_and_the_rotations_where_the_attendings_is_not_known() {
        assertThat(LetterGoal.writerSpecialty(FAMILY_MEDICINE, INTERNAL_MEDICINE)).isEqualTo(FAMILY_MEDICINE);
        assertThat(LetterGoal.writerSpecialty(null, INTERNAL_MEDICINE)).isEqualTo(INTERNAL_MEDICINE);

        LetterGoal goal = LetterGoal.assess(List.of(new Letter(US_ATTENDING_IN_FIELD, LetterGoal.writerSpecialty(null, INTERNAL_MEDICINE), SUBMITTED),
                peds(SUBMITTED)), IM);
        assertThat(goal.status()).isEqualTo(Status.REACHED);
    }

    @Test
    void a_writer_of_no_known_specialty_covers_nothing() {
        assertThat(LetterGoal.fromTarget(null, IM)).isFalse();
        assertThat(LetterGoal.fromTarget(INTERNAL_MEDICINE, IM)).isTrue();
        assertThat(LetterGoal.fromTarget(FAMILY_MEDICINE, IM)).isFalse();
    }
}
