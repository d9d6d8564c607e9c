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

    @Test
    void the_emails_part_is_off_and_empty_until_the_student_says_otherwise() {
        KitChoice chosen = new KitChoice(11L, 12L, null, false, DEADLINE);
        assertThat(chosen.writerInEras()).isFalse();
        assertThat(chosen.personalParagraph()).isNull();

        KitChoice entered = chosen.withWriterInEras(true).withPersonalParagraph("Thank you for the teaching.");
        assertThat(entered.writerInEras()).isTrue();
        assertThat(entered.personalParagraph()).isEqualTo("Thank you for the teaching.");
        assertThat(entered).isNotEqualTo(chosen);
        assertThat(chosen.writerInEras()).as("the old choice is as it was").isFalse();
        assertThat(entered.withDeadline(DEADLINE.plusDays(2)).personalParagraph()).isEqualTo("Thank you for the teaching.");
        assertThat(new KitChoice(1L, 2L, null, true, DEADLINE).withEmailOf(entered))
                .isEqualTo(new KitChoice(1L, 2L, null, true, DEADLINE).withWriterInEras(true).withPersonalParagraph("Thank you for the teaching."));
    }

    @Test
    void a_blank_paragraph_is_none_and_line_breaks_are_kept() {
        assertThat(KitChoice.NONE.withPersonalParagraph("  \n ").personalParagraph()).isNull();
        assertThat(KitChoice.NONE.withPersonalParagraph("One.\r\nTwo.").personalParagraph()).isEqualTo("One.\nTwo.");
    }

    @Test
    void a_paragraph_over_a_thousand_characters_or_with_control_characters_is_refused() {
        assertThat(KitChoice.NONE.withPersonalParagraph("a".repeat(1000)).personalParagraph()).hasSize(1000);
        DomainException tooLong = catchThrowableOfType(() -> KitChoice.NONE.withPersonalParagraph("a".repeat(1001)), DomainException.class);
        assertThat(tooLong.field()).isEqualTo("personalParagraph");
        assertThat(tooLong.getMessage()).isEqualTo("Your paragraph can be at most 1000 characters; it has 1001");
        assertThat(catchThrowableOfType(() -> KitChoice.NONE.withPersonalParagraph("bell\u0007"), DomainException.class).field())
                .isEqualTo("personalParagraph");
    }
}
