package org.lorkit.domain.advice;

import org.lorkit.domain.agency.AgencyRules;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.advice.NextAction.Kind;
import org.lorkit.domain.advice.StudentSituation.LetterFacts;
import org.lorkit.domain.advice.StudentSituation.RotationFacts;
import org.lorkit.domain.advice.StudentSituation.Supervisor;
import org.lorkit.domain.letter.ErasReport;
import org.lorkit.domain.letter.LetterGoal;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.letter.LetterValue;
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
        return NextActions.derive(new StudentSituation(rotations, letters, null), AgencyRules.DEFAULTS, TODAY);
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

        List<NextAction> actions = NextActions.derive(new StudentSituation(List.of(), List.of(), short1), AgencyRules.DEFAULTS, TODAY);

        assertThat(actions).singleElement().extracting(NextAction::message)
                .isEqualTo("You have 1 strong US clinical letter; aim for 2 to 3.");
    }

    private static LetterFacts submitted(ErasReport eras) {
        return new LetterFacts(5, 10, 1, "Dr. Patel", LetterState.SUBMITTED, TODAY.minusDays(4), TODAY.minusDays(30), null, null, eras);
    }

    /** A letter the writer confirmed whose kit went out 30 days ago: a first reminder would be due by now. */
    private static LetterFacts awaited(ErasReport eras) {
        return new LetterFacts(5, 10, 1, "Dr. Patel", LetterState.CONFIRMED, TODAY.minusDays(28), TODAY.minusDays(30), null, null, eras);
    }

    @Test
    void a_writer_reported_upload_asks_the_student_to_check_eras() {
        assertThat(derive(List.of(), List.of(awaited(new ErasReport(TODAY.minusDays(1), null)))))
                .singleElement().satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(Kind.CONFIRM_IN_ERAS);
                    assertThat(a.message()).isEqualTo("Dr. Patel reports the letter uploaded: check that ERAS shows it as received");
                });
    }

    @Test
    void no_reminder_is_announced_once_the_writer_reported_the_upload() {
        assertThat(derive(List.of(), List.of(awaited(ErasReport.NONE)))).extracting(NextAction::kind).containsExactly(Kind.REMINDER_COMING);
        assertThat(derive(List.of(), List.of(awaited(new ErasReport(TODAY.minusDays(1), null))))).extracting(NextAction::kind)
                .doesNotContain(Kind.REMINDER_COMING);
    }

    @Test
    void an_upload_ERAS_still_does_not_show_after_three_days_is_a_mismatch() {
        assertThat(derive(List.of(), List.of(awaited(new ErasReport(TODAY.minusDays(3), null)))))
                .singleElement().satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(Kind.ERAS_MISMATCH);
                    assertThat(a.urgency()).isEqualTo(2);
                    assertThat(a.message()).startsWith("Mismatch: Dr. Patel reported the upload 3 days ago but ERAS does not show it");
                });
    }

    @Test
    void a_letter_eras_shows_but_the_writer_never_mentioned_is_a_mismatch_after_three_days() {
        assertThat(derive(List.of(), List.of(submitted(new ErasReport(null, TODAY.minusDays(3))))))
                .singleElement().extracting(NextAction::kind).isEqualTo(Kind.ERAS_MISMATCH);
    }

    @Test
    void a_letter_both_sides_confirm_needs_nothing_more() {
        assertThat(derive(List.of(), List.of(submitted(new ErasReport(TODAY.minusDays(9), TODAY.minusDays(8)))))).isEmpty();
    }

    // --- Whom to ask: the suggestion rule (WriterSuggestions) behind the home ---

    private static final Supervisor KIM = new Supervisor(3, "Dr. Kim", 20, 4);
    private static final Supervisor FLAGGED_PATEL = new Supervisor(1, "Dr. Patel", 24, 1, true);

    private static LetterFacts closed(LetterState state) {
        return new LetterFacts(5, 10, 1, "Dr. Patel", state, TODAY.minusDays(1), null, null, null, ErasReport.NONE);
    }

    @Test
    void a_decline_names_the_next_writers_best_first_with_the_reason_a_writer_comes_last() {
        List<NextAction> actions = derive(List.of(rotation(10, -40, -10, PATEL, LEE), rotation(11, -80, -50, KIM)),
                List.of(closed(LetterState.DECLINED)));

        assertThat(actions).filteredOn(a -> a.kind() == Kind.FIND_ANOTHER_WRITER).singleElement().extracting(NextAction::message)
                .isEqualTo("Dr. Patel declined: thank them; next, ask Dr. Kim or Dr. Lee (only 9 days together: the letter would likely be vague)");
    }

    @Test
    void a_letter_not_coming_after_two_reminders_names_the_next_writer_too() {
        List<NextAction> actions = derive(List.of(rotation(10, -40, -10, PATEL), rotation(11, -80, -50, KIM)),
                List.of(closed(LetterState.NOT_COMING)));

        assertThat(actions).filteredOn(a -> a.kind() == Kind.FIND_ANOTHER_WRITER).singleElement().extracting(NextAction::message)
                .isEqualTo("Dr. Patel's letter is not coming after two reminders; next, ask Dr. Kim");
    }

    @Test
    void with_nobody_left_to_ask_the_agency_helps() {
        assertThat(derive(List.of(rotation(10, -40, -10, PATEL)), List.of(closed(LetterState.LUKEWARM))))
                .filteredOn(a -> a.kind() == Kind.FIND_ANOTHER_WRITER).singleElement().extracting(NextAction::message)
                .isEqualTo("Dr. Patel's answer was a polite no: do not use that letter; none of your supervisors is left to ask: "
                        + "your agency can help you find another writer");
    }

    @Test
    void a_red_flagged_writer_is_not_the_one_the_ideal_window_names() {
        List<NextAction> actions = derive(List.of(rotation(10, -23, 4, FLAGGED_PATEL, KIM)), List.of());

        assertThat(actions).extracting(NextAction::message)
                .containsExactly("Your internal medicine rotation at St. Mary's ends in 4 days: this is the ideal time to ask Dr. Kim");
    }

    @Test
    void when_every_writer_of_the_rotation_has_a_red_flag_the_ideal_window_says_so() {
        List<NextAction> actions = derive(List.of(rotation(10, -23, 4, FLAGGED_PATEL)), List.of());

        assertThat(actions).extracting(NextAction::message).containsExactly("Your internal medicine rotation at St. Mary's ends in 4 days: "
                + "the ideal time to ask, but your last feedback check with Dr. Patel raised a red flag: do not force a letter from them");
    }

    @Test
    void after_the_end_a_red_flagged_writer_comes_with_a_warning() {
        assertThat(derive(List.of(rotation(10, -47, -20, FLAGGED_PATEL)), List.of())).extracting(NextAction::message)
                .contains("Your last feedback check with Dr. Patel raised a red flag: do not force a letter from them");
    }

    @Test
    void a_longer_known_writer_of_lower_value_goes_before_one_known_under_two_weeks() {
        Supervisor briefButInField = new Supervisor(4, "Dr. Brief", 9, 1);

        assertThat(derive(List.of(rotation(10, -23, 4, briefButInField, KIM)), List.of())).extracting(NextAction::message)
                .containsExactly("Your internal medicine rotation at St. Mary's ends in 4 days: this is the ideal time to ask Dr. Kim");
    }

    @Test
    void an_agencys_own_numbers_decide_the_window_the_contact_warning_and_the_reminders() {
        Supervisor kim = new Supervisor(3, "Dr. Kim", 12, 1);
        AgencyRules rules = AgencyRules.DEFAULTS.with(AgencyRules.Rule.IDEAL_LAST_DAYS, 3)
                .with(AgencyRules.Rule.CONTACT_MINIMUM_DAYS, 10)
                .with(AgencyRules.Rule.FIRST_REMINDER_DAYS, 10);

        assertThat(NextActions.derive(new StudentSituation(List.of(rotation(10, -23, 4, kim)), List.of(), null), rules, TODAY))
                .as("4 days before the end is not ideal in a 3-day window").isEmpty();
        assertThat(NextActions.derive(new StudentSituation(List.of(rotation(10, -23, 2, kim)), List.of(), null), rules, TODAY))
                .as("12 days of contact are enough when the minimum is 10").extracting(NextAction::message).containsExactly(
                        "Your internal medicine rotation at St. Mary's ends in 2 days: this is the ideal time to ask Dr. Kim");
        assertThat(derive(List.of(rotation(10, -23, 2, kim)), List.of())).extracting(NextAction::message)
                .contains("You worked with Dr. Kim for 12 days: a letter is likely to be vague");
        assertThat(NextActions.derive(new StudentSituation(List.of(), List.of(letter(5, 10, LetterState.KIT_SENT, -9, -9, null)), null),
                rules, TODAY)).singleElement().extracting(NextAction::message)
                .isEqualTo("No upload 9 days after the kit: a gentle reminder to Dr. Patel goes out tomorrow");
    }
}
