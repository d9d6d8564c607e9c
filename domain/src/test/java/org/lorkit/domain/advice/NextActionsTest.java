package org.lorkit.domain.advice;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.advice.NextAction.Kind;
import org.lorkit.domain.advice.StudentSituation.LetterFacts;
import org.lorkit.domain.advice.StudentSituation.RotationFacts;
import org.lorkit.domain.advice.StudentSituation.Supervisor;
import org.lorkit.domain.letter.ErasReport;
import org.lorkit.domain.letter.LetterGoal;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.letter.LetterValue;
import org.lorkit.domain.letter.ReminderPolicy;
import org.lorkit.domain.shared.Specialty;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NextActionsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Supervisor PATEL = new Supervisor(1, "Dr. Patel", 24, 1);
    private static final Supervisor LEE = new Supervisor(2, "Dr. Lee", 9, 3);

    private static RotationFacts rotation(long id, int startDay, int endDay, Supervisor... supervisors) {
        return new RotationFacts(id, Specialty.INTERNAL_MEDICINE, "St. Mary's", TODAY.plusDays(startDay), TODAY.plusDays(endDay),
                List.of(supervisors));
    }

    private static LetterFacts letter(long id, long rotationId, LetterState state, int changedDay, Integer kitDay, Integer reminderDay) {
        return new LetterFacts(id, rotationId, 1, "Dr. Patel", state, TODAY.plusDays(changedDay),
                kitDay == null ? null : TODAY.plusDays(kitDay), reminderDay == null ? null : TODAY.plusDays(reminderDay), null, ErasReport.NONE);
    }

    private static List<NextAction> derive(List<RotationFacts> rotations, List<LetterFacts> letters) {
        return NextActions.derive(new StudentSituation(rotations, letters, null), ReminderPolicy.DEFAULT, TODAY);
    }

    @Test
    void the_last_days_of_a_rotation_are_the_ideal_time_to_ask_the_best_writer() {
        List<NextAction> actions = derive(List.of(rotation(10, -23, 4, LEE, PATEL)), List.of());

        assertThat(actions).extracting(NextAction::message)
                .containsExactly("Your internal medicine rotation at St. Mary's ends in 4 days: this is the ideal time to ask Dr. Patel");
    }

    @Test
    void a_letter_offered_before_the_ask_is_followed_up_at_once_with_the_strong_question() {
        LetterFacts offered = new LetterFacts(5, 10, 1, "Dr. Patel", LetterState.PLANNED, TODAY, null, null, null, ErasReport.NONE, true);

        List<NextAction> actions = derive(List.of(), List.of(offered, letter(6, 11, LetterState.PLANNED, 0, null, null)));

        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Kind.ASK_NOW);
            assertThat(a.urgency()).isEqualTo(1);
            assertThat(a.message()).isEqualTo("Dr. Patel offered you a letter: ask them today whether they would feel comfortable "
                    + "writing you a strong letter, and record that answer");
            assertThat(a.requestId()).isEqualTo(5L);
        });
    }

    @Test
    void six_days_before_the_end_is_too_early_to_ask() {
        assertThat(derive(List.of(rotation(10, -20, 6, PATEL)), List.of())).isEmpty();
    }

    @Test
    void after_the_end_the_acceptable_window_counts_down() {
        List<NextAction> actions = derive(List.of(rotation(10, -47, -20, PATEL)), List.of());

        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Kind.ASK_BY_EMAIL);
            assertThat(a.message()).isEqualTo("Your rotation ended 20 days ago: the acceptable window closes in 8 days");
        });
    }

    @Test
    void a_writer_known_for_under_two_weeks_comes_with_a_warning() {
        List<NextAction> actions = derive(List.of(rotation(10, -12, 2, LEE)), List.of());

        assertThat(actions).extracting(NextAction::message)
                .contains("You worked with Dr. Lee for 9 days: a letter is likely to be vague");
    }

    @Test
    void a_yes_comes_first_and_asks_for_the_kit_today() {
        List<NextAction> actions = derive(List.of(rotation(10, -23, 4, PATEL), rotation(11, -30, -3, PATEL)),
                List.of(letter(5, 11, LetterState.STRONG_YES, -2, null, null)));

        assertThat(actions.get(0).kind()).isEqualTo(Kind.SEND_KIT);
        assertThat(actions.get(0).message()).isEqualTo("Dr. Patel said yes 2 days ago: send the kit today");
    }

    @Test
    void an_asked_rotation_is_not_proposed_again() {
        assertThat(derive(List.of(rotation(10, -23, 4, PATEL)), List.of(letter(5, 10, LetterState.ASKED, 0, null, null)))).isEmpty();
    }

    @Test
    void the_day_before_the_first_reminder_the_student_is_told_it_goes_out_tomorrow() {
        List<NextAction> actions = derive(List.of(), List.of(letter(5, 10, LetterState.KIT_SENT, -13, -13, null)));

        assertThat(actions).singleElement().extracting(NextAction::message)
                .isEqualTo("No upload 13 days after the kit: a gentle reminder to Dr. Patel goes out tomorrow");
    }

    @Test
    void two_days_before_the_reminder_there_is_nothing_to_say_yet() {
        assertThat(derive(List.of(), List.of(letter(5, 10, LetterState.KIT_SENT, -12, -12, null)))).isEmpty();
    }

    @Test
    void a_closed_letter_sends_the_student_to_another_writer() {
        assertThat(derive(List.of(), List.of(letter(5, 10, LetterState.LUKEWARM, -1, null, null))))
                .singleElement().extracting(NextAction::kind).isEqualTo(Kind.FIND_ANOTHER_WRITER);
    }

    @Test
    void the_letter_goal_is_shown_until_it_is_reached() {
        LetterGoal short1 = LetterGoal.assess(List.of(new LetterGoal.Letter(LetterValue.US_ATTENDING_IN_FIELD,
                Specialty.INTERNAL_MEDICINE, LetterState.SUBMITTED)), Set.of(Specialty.INTERNAL_MEDICINE));

        List<NextAction> actions = NextActions.derive(new StudentSituation(List.of(), List.of(), short1), ReminderPolicy.DEFAULT, TODAY);

        assertThat(actions).singleElement().extracting(NextAction::message)
                .isEqualTo("You have 1 strong US clinical letter; aim for 2 to 3.");
    }

    private static LetterFacts submitted(ErasReport eras) {
        return new LetterFacts(5, 10, 1, "Dr. Patel", LetterState.SUBMITTED, TODAY.minusDays(4), TODAY.minusDays(30), null, null, eras);
    }

    @Test
    void a_writer_reported_upload_asks_the_student_to_check_eras() {
        assertThat(derive(List.of(), List.of(submitted(new ErasReport(TODAY.minusDays(1), null)))))
                .singleElement().satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(Kind.CONFIRM_IN_ERAS);
                    assertThat(a.message()).isEqualTo("Dr. Patel reports the letter uploaded: check that ERAS shows it as received");
                });
    }

    @Test
    void an_upload_ERAS_still_does_not_show_after_three_days_is_a_mismatch() {
        assertThat(derive(List.of(), List.of(submitted(new ErasReport(TODAY.minusDays(3), null)))))
                .singleElement().satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(Kind.ERAS_MISMATCH);
                    assertThat(a.urgency()).isEqualTo(2);
                    assertThat(a.message()).startsWith("Mismatch: Dr. Patel reported the upload 3 days ago but ERAS does not show it");
                });
    }

    @Test
    void a_letter_both_sides_confirm_needs_nothing_more() {
        assertThat(derive(List.of(), List.of(submitted(new ErasReport(TODAY.minusDays(9), TODAY.minusDays(8)))))).isEmpty();
    }
}
