package org.lorkit.domain.letter;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.shared.Specialty;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LetterSpecialtyWarningTest {
    @Test
    void a_general_letter_or_a_single_matching_target_needs_no_warning() {
        assertThat(LetterSpecialtyWarning.check(Specialty.INTERNAL_MEDICINE, true, List.of(Specialty.FAMILY_MEDICINE), "Dr. Lee")).isEmpty();
        assertThat(LetterSpecialtyWarning.check(Specialty.INTERNAL_MEDICINE, false, List.of(Specialty.INTERNAL_MEDICINE), "Dr. Lee")).isEmpty();
    }

    @Test
    void a_student_applying_to_two_specialties_is_told_not_to_reuse_the_letter() {
        assertThat(LetterSpecialtyWarning.check(Specialty.INTERNAL_MEDICINE, false,
                List.of(Specialty.INTERNAL_MEDICINE, Specialty.FAMILY_MEDICINE), "Dr. Lee"))
                .contains("This letter names internal medicine: do not use it for your family medicine applications. "
                        + "If you apply to both, tell Dr. Lee now, or ask for a general letter.");
    }

    @Test
    void a_letter_naming_a_specialty_the_student_does_not_target_is_flagged() {
        assertThat(LetterSpecialtyWarning.check(Specialty.GENERAL_SURGERY, false, List.of(Specialty.INTERNAL_MEDICINE), "Dr. Lee"))
                .hasValueSatisfying(w -> assertThat(w).startsWith("This letter names general surgery, which is not one of your target specialties"));
    }
}
