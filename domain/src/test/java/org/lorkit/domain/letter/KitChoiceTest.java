package org.lorkit.domain.letter;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.shared.DomainException;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class KitChoiceTest {
    private static final LocalDate DEADLINE = LocalDate.of(2027, 9, 1);

    @Test
    void it_keeps_what_the_student_chose() {
        KitChoice kit = new KitChoice(11L, 12L, "AB-1234", true, DEADLINE);
        assertThat(kit.cvDocumentId()).isEqualTo(11L);
        assertThat(kit.statementDocumentId()).isEqualTo(12L);
        assertThat(kit.erasLetterId()).isEqualTo("AB-1234");
        assertThat(kit.generalLetter()).isTrue();
        assertThat(kit.deadline()).isEqualTo(DEADLINE);
    }

    @Test
    void nothing_chosen_is_a_specialty_letter_without_documents_or_deadline() {
        assertThat(KitChoice.NONE.cvDocumentId()).isNull();
        assertThat(KitChoice.NONE.statementDocumentId()).isNull();
        assertThat(KitChoice.NONE.erasLetterId()).isNull();
        assertThat(KitChoice.NONE.generalLetter()).isFalse();
        assertThat(KitChoice.NONE.deadline()).isNull();
    }

    @Test
    void the_eras_letter_id_is_optional_and_stripped() {
        assertThat(new KitChoice(null, null, null, false, DEADLINE).erasLetterId()).isNull();
        assertThat(new KitChoice(null, null, "   ", false, DEADLINE).erasLetterId()).isNull();
        assertThat(new KitChoice(null, null, " A1B2 ", false, DEADLINE).erasLetterId()).isEqualTo("A1B2");
    }

    @Test
    void an_eras_letter_id_of_other_characters_or_length_is_refused() {
        for (String wrong : new String[]{"AB1", "AB 1234", "AB_1234", "ABCDEFGHIJ-1234567890"}) {
            DomainException refused = catchThrowableOfType(() -> new KitChoice(null, null, wrong, false, DEADLINE), DomainException.class);
            assertThat(refused).as(wrong).isNotNull();
            assertThat(refused.field()).isEqualTo("erasLetterId");
        }
        assertThat(catchThrowableOfType(() -> new KitChoice(null, null, "AB1;", false, DEADLINE), DomainException.class).getMessage())
                .isEqualTo("An ERAS Letter ID holds 4 to 20 letters, digits and dashes, not \"AB1;\"");
    }

    @Test
    void a_new_deadline_keeps_the_rest_of_the_choice_and_leaves_the_old_one_as_it_was() {
        KitChoice chosen = new KitChoice(11L, 12L, "AB-1234", false, DEADLINE);
        KitChoice moved = chosen.withDeadline(DEADLINE.plusDays(3));
        assertThat(moved).isEqualTo(new KitChoice(11L, 12L, "AB-1234", false, DEADLINE.plusDays(3)));
        assertThat(chosen.deadline()).isEqualTo(DEADLINE);
        assertThat(KitChoice.NONE.withDeadline(DEADLINE).deadline()).isEqualTo(DEADLINE);
        assertThat(KitChoice.NONE.deadline()).isNull();
    }

    @Test
    void equal_choices_are_equal() {
        assertThat(new KitChoice(1L, 2L, "ABCD", true, DEADLINE)).isEqualTo(new KitChoice(1L, 2L, "ABCD", true, DEADLINE))
                .hasSameHashCodeAs(new KitChoice(1L, 2L, "ABCD", true, DEADLINE))
                .isNotEqualTo(new KitChoice(1L, 2L, "ABCD", false, DEADLINE));
    }
}
