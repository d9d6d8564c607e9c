package org.lorkit.domain.letter;

import static org.lorkit.domain.TestData.utc;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lorkit.domain.TestData;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lorkit.domain.letter.LetterState.*;

/** Recording the answer the student heard, and correcting it when it was misread. */
class LetterRequestAnswerTest {
    private static final Instant CREATED = Instant.parse("2027-06-20T09:00:00Z");
    private static final Instant ANSWERED = Instant.parse("2027-06-26T16:30:00Z");
    private static final LocalDate ANSWER_DAY = LocalDate.of(2027, 6, 26);

    private Student student;
    private Attending attending;
    private Rotation rotation;

    @BeforeEach
    void setUp() {
        student = TestData.student();
        attending = TestData.imAttending();
        rotation = TestData.imRotation(student);
        rotation.addSupervisor(attending, 28);
    }

    private LetterRequest planned() {
        return new LetterRequest(student, attending, rotation, Specialty.INTERNAL_MEDICINE, CREATED);
    }

    private LetterRequest answered(AnswerHeard heard) {
        LetterRequest request = planned();
        request.recordAnswer(heard, "their words", "student", utc(ANSWERED));
        return request;
    }

    private static Instant days(long days) {
        return ANSWERED.plus(Duration.ofDays(days));
    }

    // --- recording ---

    @ParameterizedTest
    @EnumSource(value = AnswerHeard.class, names = "OFFERED_BEFORE_ASKED", mode = EnumSource.Mode.EXCLUDE)
    void each_answer_records_the_ask_then_the_answer_with_the_words_as_a_note(AnswerHeard heard) {
        LetterRequest request = planned();

        List<LetterRequestEvent> events = request.recordAnswer(heard, "  Maybe, let's see.  ", "student", utc(ANSWERED));

        assertThat(request.getState()).isEqualTo(heard.leadsTo());
        assertThat(events).extracting(LetterRequestEvent::getToState).containsExactly(ASKED, heard.leadsTo());
        assertThat(events.get(1).getReason()).startsWith("answer: " + heard.said() + " (" + heard.verdict() + ")")
                .endsWith("their words: \"Maybe, let's see.\"");
        assertThat(request.getAnswerHeard()).isEqualTo(heard);
        assertThat(request.getAnswerWords()).isEqualTo("Maybe, let's see.");
        assertThat(request.getAnsweredAt()).isEqualTo(ANSWERED);
        assertThat(request.getAskedOn()).isEqualTo(ANSWER_DAY);
        assertThat(request.isOfferedUnprompted()).isFalse();
    }

    @Test
    void the_words_are_only_a_note_and_may_be_left_out() {
        LetterRequest request = planned();

        request.recordAnswer(AnswerHeard.STRONG_YES, "  ", "student", utc(ANSWERED));

        assertThat(request.getState()).isEqualTo(STRONG_YES);
        assertThat(request.getAnswerWords()).isNull();
    }

    @Test
    void an_offer_before_the_ask_is_no_strong_yes_the_request_waits_for_the_strong_question() {
        LetterRequest request = planned();

        List<LetterRequestEvent> events = request.recordAnswer(AnswerHeard.OFFERED_BEFORE_ASKED, "Let me know if you want a letter.",
                "student", utc(ANSWERED));

        assertThat(request.getState()).isEqualTo(PLANNED);
        assertThat(request.isOfferedUnprompted()).isTrue();
        assertThat(request.getAskedOn()).as("not asked yet").isNull();
        assertThat(request.hasReached(STRONG_YES)).isFalse();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.getFromState()).isEqualTo(PLANNED);
            assertThat(e.getToState()).isEqualTo(PLANNED);
            assertThat(e.getReason()).contains("offered a letter before being asked", "ask them for a strong letter",
                    "\"Let me know if you want a letter.\"");
        });

        // The student asks the strong question and records that answer.
        request.recordAnswer(AnswerHeard.STRONG_YES, "Absolutely, send me your materials.", "student", utc(days(1)));

        assertThat(request.getState()).isEqualTo(STRONG_YES);
        assertThat(request.isOfferedUnprompted()).as("they did offer first").isTrue();
        assertThat(request.getAnswerHeard()).isEqualTo(AnswerHeard.STRONG_YES);
        assertThat(request.getAnsweredAt()).isEqualTo(days(1));
        assertThat(request.getAskedOn()).isEqualTo(ANSWER_DAY.plusDays(1));
    }

    @Test
    void an_answer_is_recorded_once_then_corrected() {
        LetterRequest request = answered(AnswerHeard.MAYBE_IF_TIME);

        assertThatThrownBy(() -> request.recordAnswer(AnswerHeard.STRONG_YES, null, "student", utc(days(1))))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("already recorded (\"maybe, if I have time\")")
                .hasMessageContaining("correct it");
    }

    @Test
    void recording_needs_a_choice_and_refuses_an_offer_after_the_ask() {
        LetterRequest request = planned();
        assertThatThrownBy(() -> request.recordAnswer(null, "words", "student", utc(ANSWERED)))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).field()).isEqualTo("heard");
        assertThatThrownBy(() -> request.recordAnswer(AnswerHeard.STRONG_YES, "x".repeat(2001), "student", utc(ANSWERED)))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).field()).isEqualTo("words");
        assertThat(request.getState()).isEqualTo(PLANNED);

        request.moveTo(ASKED, "student", "asked by email", utc(ANSWERED));
        assertThatThrownBy(() -> request.recordAnswer(AnswerHeard.OFFERED_BEFORE_ASKED, null, "student", utc(ANSWERED)))
                .isInstanceOf(DomainException.class).hasMessageContaining("You already asked Dana Lee");
        request.recordAnswer(AnswerHeard.NOT_COMFORTABLE, null, "student", utc(days(2)));
        assertThat(request.getState()).isEqualTo(DECLINED);
        assertThat(request.getAnsweredAt()).isEqualTo(days(2));
    }

    @Test
    void long_words_are_kept_whole_on_the_request_and_shortened_in_the_history() {
        LetterRequest request = planned();

        List<LetterRequestEvent> events = request.recordAnswer(AnswerHeard.DOESNT_KNOW_ME_WELL, "w".repeat(2000), "student", utc(ANSWERED));

        assertThat(request.getAnswerWords()).hasSize(2000);
        assertThat(events.get(1).getReason().length()).isLessThanOrEqualTo(1000);
    }

    // --- correcting ---

    @Test
    void the_student_corrects_a_polite_no_to_a_strong_yes_within_14_days_and_the_history_says_who_and_why() {
        LetterRequest request = answered(AnswerHeard.MAYBE_IF_TIME);

        LetterRequestEvent event = request.correctAnswer(AnswerHeard.STRONG_YES, "amina@example.org",
                "I misread her: she said yes to a strong letter", utc(days(14)), false);

        assertThat(request.getState()).isEqualTo(STRONG_YES);
        assertThat(request.getAnswerHeard()).isEqualTo(AnswerHeard.STRONG_YES);
        assertThat(request.getAnswerWords()).as("the words stay").isEqualTo("their words");
        assertThat(request.getAnsweredAt()).as("the window still counts from the answer").isEqualTo(ANSWERED);
        assertThat(request.getStateChangedAt()).isEqualTo(days(14));
        assertThat(event.getFromState()).isEqualTo(LUKEWARM);
        assertThat(event.getToState()).isEqualTo(STRONG_YES);
        assertThat(event.getActor()).isEqualTo("amina@example.org");
        assertThat(event.getReason()).isEqualTo("answer corrected from \"maybe, if I have time\" to yes to a strong letter (a real yes): "
                + "I misread her: she said yes to a strong letter");
        assertThat(request.hasReached(LUKEWARM)).as("the misread polite no is taken back").isFalse();
        assertThat(request.hasReached(STRONG_YES)).isTrue();
    }

    @Test
    void after_14_days_only_staff_may_correct() {
        LetterRequest request = answered(AnswerHeard.STRONG_YES);
        assertThat(request.isAnswerCorrectable(days(14), false)).isTrue();
        assertThat(request.isAnswerCorrectable(days(15), false)).isFalse();
        assertThat(request.isAnswerCorrectable(days(400), true)).isTrue();
        assertThat(request.getAnswerCorrectableByStudentUntil()).isEqualTo(days(14));

        assertThatThrownBy(() -> request.correctAnswer(AnswerHeard.MORE_FACTUAL, "student", "misread", utc(days(15)), false))
                .isInstanceOf(DomainException.class)
                .hasMessage("You can correct an answer within 14 days of recording it; this one was recorded on 26 Jun 2027. "
                        + "Ask your agency's staff to correct it.");
        assertThat(request.getState()).isEqualTo(STRONG_YES);

        LetterRequestEvent event = request.correctAnswer(AnswerHeard.MORE_FACTUAL, "staff:joan", "the attending told us", utc(days(400)), true);

        assertThat(request.getState()).isEqualTo(DECLINED);
        assertThat(event.getReason()).startsWith("answer corrected by the agency from yes to a strong letter to \"more factual than strong\" (a no)")
                .endsWith(": the attending told us");
        assertThat(request.hasReached(STRONG_YES)).as("it never was a yes").isFalse();
    }

    @Test
    void a_correction_needs_a_new_answer_and_a_reason() {
        LetterRequest request = answered(AnswerHeard.LETTER_WITHOUT_STRONG);

        assertThatThrownBy(() -> request.correctAnswer(AnswerHeard.LETTER_WITHOUT_STRONG, "student", "why", utc(days(1)), false))
                .isInstanceOf(DomainException.class).hasMessageContaining("already recorded");
        assertThatThrownBy(() -> request.correctAnswer(AnswerHeard.STRONG_YES, "student", " ", utc(days(1)), false))
                .isInstanceOf(DomainException.class).hasMessage("Say why the answer is corrected")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("reason");
        assertThatThrownBy(() -> request.correctAnswer(null, "student", "why", utc(days(1)), false))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).field()).isEqualTo("heard");
        assertThat(request.getState()).isEqualTo(LUKEWARM);
    }

    @Test
    void one_polite_no_corrected_to_another_keeps_the_state_and_records_the_case() {
        LetterRequest request = answered(AnswerHeard.LETTER_WITHOUT_STRONG);
        Instant changed = request.getStateChangedAt();

        LetterRequestEvent event = request.correctAnswer(AnswerHeard.DOESNT_KNOW_ME_WELL, "student", "she said she barely knows me", utc(days(2)), false);

        assertThat(request.getState()).isEqualTo(LUKEWARM);
        assertThat(request.getStateChangedAt()).isEqualTo(changed);
        assertThat(event.getFromState()).isEqualTo(LUKEWARM);
        assertThat(event.getToState()).isEqualTo(LUKEWARM);
        assertThat(request.getAnswerHeard()).isEqualTo(AnswerHeard.DOESNT_KNOW_ME_WELL);
        assertThat(request.hasReached(LUKEWARM)).isTrue();
    }

    @Test
    void a_yes_corrected_to_an_offer_goes_back_to_waiting_for_the_strong_question_and_back_again() {
        LetterRequest request = answered(AnswerHeard.STRONG_YES);

        request.correctAnswer(AnswerHeard.OFFERED_BEFORE_ASKED, "student", "she offered, I never asked", utc(days(1)), false);

        assertThat(request.getState()).isEqualTo(PLANNED);
        assertThat(request.isOfferedUnprompted()).isTrue();
        assertThat(request.getAskedOn()).isNull();
        assertThat(request.hasReached(ASKED)).isFalse();
        assertThat(request.hasReached(STRONG_YES)).isFalse();

        request.correctAnswer(AnswerHeard.STRONG_YES, "student", "I did ask after all", utc(days(2)), false);

        assertThat(request.getState()).isEqualTo(STRONG_YES);
        assertThat(request.isOfferedUnprompted()).isFalse();
        assertThat(request.getAskedOn()).isEqualTo(ANSWER_DAY);
        assertThat(request.hasReached(ASKED)).isTrue();
    }

    @Test
    void a_yes_corrected_to_a_no_after_the_kit_went_out_closes_the_request_and_a_yes_again_resends_afresh() {
        LetterRequest request = answered(AnswerHeard.STRONG_YES);
        request.markKitSent(ANSWER_DAY.plusDays(25), "student", utc(days(0)));
        request.moveTo(REMINDED_1, "LorKit", "first reminder", utc(days(14)));

        request.correctAnswer(AnswerHeard.NOT_COMFORTABLE, "staff:joan", "the attending phoned: not comfortable", utc(days(16)), true);

        assertThat(request.getState()).isEqualTo(DECLINED);
        assertThat(request.getState().isAwaitingUpload()).as("no more reminders").isFalse();
        assertThat(request.hasReached(KIT_SENT)).as("the kit did go out").isTrue();
        assertThat(request.getRemindOn()).isNull();

        request.correctAnswer(AnswerHeard.STRONG_YES, "staff:joan", "wrong request: this one was a yes", utc(days(17)), true);

        assertThat(request.getState()).isEqualTo(STRONG_YES);
        assertThat(request.getKitSentOn()).as("the kit can be sent again").isNull();
        assertThat(request.getRemindersSent()).isZero();
        assertThat(request.getLastReminderOn()).isNull();
        request.markKitSent(ANSWER_DAY.plusDays(40), "student", utc(days(17)));
        assertThat(request.getState()).isEqualTo(KIT_SENT);
    }

    @Test
    void after_the_kit_went_out_a_yes_can_only_become_a_no() {
        LetterRequest request = answered(AnswerHeard.STRONG_YES);
        request.markKitSent(ANSWER_DAY.plusDays(25), "student", utc(days(0)));

        assertThatThrownBy(() -> request.correctAnswer(AnswerHeard.OFFERED_BEFORE_ASKED, "student", "why", utc(days(1)), false))
                .isInstanceOf(DomainException.class).hasMessageContaining("The kit already went to Dana Lee");
        assertThat(request.getState()).isEqualTo(KIT_SENT);
    }

    @Test
    void once_the_writer_confirmed_declined_or_the_letter_came_their_word_stands() {
        LetterRequest confirmed = answered(AnswerHeard.STRONG_YES);
        confirmed.markKitSent(ANSWER_DAY.plusDays(25), "student", utc(days(0)));
        confirmed.confirmByWriter("attending", utc(days(1)));
        assertThat(confirmed.whyAnswerCannotBeCorrected().orElseThrow()).contains("Dana Lee confirmed by their link");
        assertThatThrownBy(() -> confirmed.correctAnswer(AnswerHeard.MORE_FACTUAL, "staff:joan", "why", utc(days(2)), true))
                .isInstanceOf(DomainException.class).hasMessageContaining("their own answer stands");
        assertThat(confirmed.getState()).isEqualTo(CONFIRMED);

        LetterRequest declined = answered(AnswerHeard.STRONG_YES);
        declined.markKitSent(ANSWER_DAY.plusDays(25), "student", utc(days(0)));
        declined.declineByWriter(null, "attending", utc(days(1)));
        assertThat(declined.whyAnswerCannotBeCorrected().orElseThrow()).contains("declined by their link");

        LetterRequest withdrawn = answered(AnswerHeard.STRONG_YES);
        withdrawn.moveTo(WITHDRAWN, "student", null, utc(days(1)));
        assertThat(withdrawn.whyAnswerCannotBeCorrected().orElseThrow()).contains("withdrawn");
        assertThat(withdrawn.isAnswerCorrectable(days(1), true)).isFalse();

        assertThat(planned().whyAnswerCannotBeCorrected().orElseThrow()).contains("No answer is recorded");
    }

    @Test
    void an_answer_recorded_as_a_bare_state_change_can_be_corrected_too() {
        LetterRequest yes = planned();
        yes.moveTo(ASKED, "student", null, utc(ANSWERED));
        yes.moveTo(STRONG_YES, "student", "\"happy to\"", utc(ANSWERED));
        assertThat(yes.getAnswerHeard()).as("a yes has one case").isEqualTo(AnswerHeard.STRONG_YES);
        assertThat(yes.getAnsweredAt()).isEqualTo(ANSWERED);

        LetterRequest lukewarm = planned();
        lukewarm.moveTo(ASKED, "student", null, utc(ANSWERED));
        lukewarm.moveTo(LUKEWARM, "student", "\"maybe\"", utc(ANSWERED));
        assertThat(lukewarm.getAnswerHeard()).as("which polite no is not known").isNull();

        LetterRequestEvent event = lukewarm.correctAnswer(AnswerHeard.MAYBE_IF_TIME, "staff:joan", "which one it was", utc(days(30)), true);

        assertThat(lukewarm.getState()).isEqualTo(LUKEWARM);
        assertThat(lukewarm.getAnswerHeard()).isEqualTo(AnswerHeard.MAYBE_IF_TIME);
        assertThat(event.getReason()).contains("from the answer recorded (lukewarm (a polite no))");
    }
}
