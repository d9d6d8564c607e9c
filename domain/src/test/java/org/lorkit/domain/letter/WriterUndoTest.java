package org.lorkit.domain.letter;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.letter.LetterRequest.WriterAnswer;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriterUndoTest {
    private static final Instant AT = Instant.parse("2027-08-10T12:00:00Z");

    @Test
    void an_answer_can_be_taken_back_for_thirty_minutes() {
        WriterUndo undo = WriterUndo.of(WriterAnswer.CONFIRMED, LetterState.KIT_SENT, AT);
        assertThat(WriterUndo.WINDOW).isEqualTo(Duration.ofMinutes(30));
        assertThat(undo.until()).isEqualTo(AT.plus(Duration.ofMinutes(30)));
        assertThat(undo.canUndo(AT)).isTrue();
        assertThat(undo.canUndo(AT.plus(Duration.ofMinutes(30)).minusMillis(1))).isTrue();
        assertThat(undo.canUndo(AT.plus(Duration.ofMinutes(30)))).isFalse();
    }

    @Test
    void it_remembers_the_answer_and_the_state_before_it() {
        WriterUndo undo = WriterUndo.of(WriterAnswer.DECLINED, LetterState.REMINDED_1, AT);
        assertThat(undo.answer()).isEqualTo(WriterAnswer.DECLINED);
        assertThat(undo.before()).isEqualTo(LetterState.REMINDED_1);
    }

    @Test
    void the_undoable_answer_is_named_only_within_the_window() {
        WriterUndo undo = WriterUndo.of(WriterAnswer.UPLOADED, LetterState.CONFIRMED, AT);
        assertThat(undo.undoableAt(AT.plusSeconds(60))).isEqualTo(WriterAnswer.UPLOADED);
        assertThat(undo.undoableAt(AT.plus(Duration.ofHours(1)))).isNull();
    }

    @Test
    void nothing_to_undo_is_never_undoable() {
        assertThat(WriterUndo.NONE.canUndo(AT)).isFalse();
        assertThat(WriterUndo.NONE.undoableAt(AT)).isNull();
        assertThat(WriterUndo.NONE.answer()).isNull();
    }

    @Test
    void an_undo_needs_its_answer_state_and_time() {
        assertThatThrownBy(() -> WriterUndo.of(null, LetterState.KIT_SENT, AT)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> WriterUndo.of(WriterAnswer.CONFIRMED, null, AT)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> WriterUndo.of(WriterAnswer.CONFIRMED, LetterState.KIT_SENT, null)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void two_undos_of_the_same_answer_at_the_same_time_are_equal() {
        assertThat(WriterUndo.of(WriterAnswer.CONFIRMED, LetterState.KIT_SENT, AT))
                .isEqualTo(WriterUndo.of(WriterAnswer.CONFIRMED, LetterState.KIT_SENT, AT))
                .hasSameHashCodeAs(WriterUndo.of(WriterAnswer.CONFIRMED, LetterState.KIT_SENT, AT))
                .isNotEqualTo(WriterUndo.of(WriterAnswer.CONFIRMED, LetterState.KIT_SENT, AT.plusSeconds(1)));
    }
}
