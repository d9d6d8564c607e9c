package org.lorkit.domain.letter;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.TestData;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lorkit.domain.attending.AttendingTitle.ATTENDING;
import static org.lorkit.domain.attending.AttendingTitle.DEPARTMENT_HEAD;
import static org.lorkit.domain.attending.AttendingTitle.PROGRAM_DIRECTOR;
import static org.lorkit.domain.shared.Specialty.*;

class LetterValueTest {
    private static final boolean US = true;
    private static final boolean NON_US = false;
    private static final boolean CLINICAL = true;
    private static final boolean RESEARCH = false;

    private static LetterValue rank(boolean usBased, AttendingTitle title, Specialty writer, boolean clinical, Specialty target) {
        return LetterValue.rank(usBased, title, writer, clinical, target);
    }

    @Test
    void ranksAreOneToSixBestFirst() {
        assertThat(LetterValue.values()).extracting(LetterValue::rank).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void imAttendingForAnImApplicantIsBest() {
        assertThat(rank(US, ATTENDING, INTERNAL_MEDICINE, CLINICAL, INTERNAL_MEDICINE))
                .isEqualTo(LetterValue.US_ATTENDING_IN_FIELD).extracting(LetterValue::rank).isEqualTo(1);
    }

    @Test
    void imProgramDirectorIsSecond() {
        assertThat(rank(US, PROGRAM_DIRECTOR, INTERNAL_MEDICINE, CLINICAL, INTERNAL_MEDICINE).rank()).isEqualTo(2);
    }

    @Test
    void imDepartmentHeadIsSecond() {
        assertThat(rank(US, DEPARTMENT_HEAD, INTERNAL_MEDICINE, CLINICAL, INTERNAL_MEDICINE))
                .isEqualTo(LetterValue.US_PROGRAM_DIRECTOR_OR_HEAD);
    }

    @Test
    void cardiologistForAnImApplicantIsASubspecialistInField() {
        assertThat(rank(US, ATTENDING, CARDIOLOGY, CLINICAL, INTERNAL_MEDICINE))
                .isEqualTo(LetterValue.US_SUBSPECIALIST_IN_FIELD).extracting(LetterValue::rank).isEqualTo(3);
    }

    @Test
    void neonatologistForAPediatricsApplicantIsASubspecialistInField() {
        assertThat(rank(US, ATTENDING, NEONATOLOGY, CLINICAL, PEDIATRICS).rank()).isEqualTo(3);
    }

    @Test
    void pediatricsAttendingForAnImApplicantIsAnotherCoreField() {
        assertThat(rank(US, ATTENDING, PEDIATRICS, CLINICAL, INTERNAL_MEDICINE))
                .isEqualTo(LetterValue.US_ATTENDING_OTHER_CORE_FIELD).extracting(LetterValue::rank).isEqualTo(4);
    }

    @Test
    void aDepartmentHeadInAnotherFieldIsAnotherCoreField() {
        assertThat(rank(US, DEPARTMENT_HEAD, GENERAL_SURGERY, CLINICAL, INTERNAL_MEDICINE).rank()).isEqualTo(4);
        assertThat(rank(US, PROGRAM_DIRECTOR, PEDIATRICS, CLINICAL, INTERNAL_MEDICINE).rank()).isEqualTo(4);
    }

    @Test
    void aNonUsClinicalLetterIsFifthWhateverTheTitleOrField() {
        assertThat(rank(NON_US, ATTENDING, INTERNAL_MEDICINE, CLINICAL, INTERNAL_MEDICINE).rank()).isEqualTo(5);
        assertThat(rank(NON_US, PROGRAM_DIRECTOR, INTERNAL_MEDICINE, CLINICAL, INTERNAL_MEDICINE))
                .isEqualTo(LetterValue.NON_US_CLINICAL);
    }

    @Test
    void aResearchRotationGivesOnlyAResearchLetter() {
        assertThat(rank(US, ATTENDING, INTERNAL_MEDICINE, RESEARCH, INTERNAL_MEDICINE).rank()).isEqualTo(6);
        assertThat(rank(NON_US, DEPARTMENT_HEAD, INTERNAL_MEDICINE, RESEARCH, INTERNAL_MEDICINE))
                .isEqualTo(LetterValue.RESEARCH_ONLY);
    }

    @Test
    void onlyTheFirstFourAreUsClinical() {
        assertThat(LetterValue.values()).filteredOn(LetterValue::isUsClinical).containsExactly(
                LetterValue.US_ATTENDING_IN_FIELD, LetterValue.US_PROGRAM_DIRECTOR_OR_HEAD,
                LetterValue.US_SUBSPECIALIST_IN_FIELD, LetterValue.US_ATTENDING_OTHER_CORE_FIELD);
    }

    @Test
    void rankFromTheAttendingAndRotation() {
        Student student = TestData.student();
        Attending cardiologist = TestData.attending("Omar Haddad", ATTENDING, CARDIOLOGY, true);

        assertThat(LetterValue.rank(cardiologist, TestData.imRotation(student), INTERNAL_MEDICINE))
                .isEqualTo(LetterValue.US_SUBSPECIALIST_IN_FIELD);
        assertThat(LetterValue.rank(cardiologist, TestData.rotation(student, RotationKind.OBSERVERSHIP, CARDIOLOGY),
                INTERNAL_MEDICINE)).as("an observership is clinical").isEqualTo(LetterValue.US_SUBSPECIALIST_IN_FIELD);
        assertThat(LetterValue.rank(cardiologist, TestData.rotation(student, RotationKind.RESEARCH, CARDIOLOGY),
                INTERNAL_MEDICINE)).isEqualTo(LetterValue.RESEARCH_ONLY);
    }
}
