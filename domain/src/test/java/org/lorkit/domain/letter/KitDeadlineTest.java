package org.lorkit.domain.letter;

import org.lorkit.domain.agency.AgencyRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lorkit.domain.letter.KitDeadline.Fit;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class KitDeadlineTest {
    private static final LocalDate KIT = LocalDate.of(2027, 7, 1);

    @Test
    void withoutASubmitDateTheDeadlineIsFourWeeksOut() {
        assertThat(KitDeadline.proposeFor(KIT, null, AgencyRules.DEFAULTS))
                .isEqualTo(new KitDeadline(LocalDate.of(2027, 7, 29), Fit.COMFORTABLE));
    }

    @Test
    void aSubmitDateAfterFourWeeksKeepsTheFourWeekDeadline() {
        assertThat(KitDeadline.proposeFor(KIT, LocalDate.of(2027, 9, 15), AgencyRules.DEFAULTS))
                .isEqualTo(new KitDeadline(KIT.plusDays(28), Fit.COMFORTABLE));
    }

    @Test
    void aSubmitDateExactlyFourWeeksOutIsTheDeadline() {
        assertThat(KitDeadline.proposeFor(KIT, KIT.plusDays(28), AgencyRules.DEFAULTS))
                .isEqualTo(new KitDeadline(KIT.plusDays(28), Fit.COMFORTABLE));
    }

    @Test
    void aSubmitDateWithinFourWeeksBecomesTheDeadline() {
        assertThat(KitDeadline.proposeFor(KIT, KIT.plusDays(25), AgencyRules.DEFAULTS))
                .isEqualTo(new KitDeadline(KIT.plusDays(25), Fit.COMFORTABLE));
    }

    @Test
    void threeWeeksIsStillComfortable() {
        assertThat(KitDeadline.proposeFor(KIT, KIT.plusDays(21), AgencyRules.DEFAULTS))
                .isEqualTo(new KitDeadline(KIT.plusDays(21), Fit.COMFORTABLE));
    }

    @Test
    void underThreeWeeksIsTight() {
        assertThat(KitDeadline.proposeFor(KIT, KIT.plusDays(20), AgencyRules.DEFAULTS))
                .isEqualTo(new KitDeadline(KIT.plusDays(20), Fit.TIGHT));
        assertThat(KitDeadline.proposeFor(KIT, KIT.plusDays(1), AgencyRules.DEFAULTS))
                .isEqualTo(new KitDeadline(KIT.plusDays(1), Fit.TIGHT));
    }

    @Test
    void aSubmitDateOnTheKitDayIsLateWithADateAWeekOut() {
        assertThat(KitDeadline.proposeFor(KIT, KIT, AgencyRules.DEFAULTS))
                .isEqualTo(new KitDeadline(KIT.plusDays(7), Fit.LATE));
    }

    @Test
    void aSubmitDateAlreadyPastIsLateWithADateAWeekOut() {
        // August ask before an already-passed submit date: still ask, with a specific near date.
        assertThat(KitDeadline.proposeFor(KIT, KIT.minusDays(10), AgencyRules.DEFAULTS))
                .isEqualTo(new KitDeadline(KIT.plusDays(7), Fit.LATE));
    }

    @ParameterizedTest(name = "submit {0} days after the kit")
    @ValueSource(ints = {1, 2, 7, 14, 20, 21, 22, 27, 28, 29, 35, 90})
    void neverAfterThePlannedSubmitDateNorBeyondFourWeeks(int submitAfterKit) {
        LocalDate submit = KIT.plusDays(submitAfterKit);

        KitDeadline deadline = KitDeadline.proposeFor(KIT, submit, AgencyRules.DEFAULTS);

        assertThat(deadline.date()).isAfter(KIT).isBeforeOrEqualTo(submit).isBeforeOrEqualTo(KIT.plusDays(28));
        assertThat(deadline.fit()).isNotEqualTo(Fit.LATE);
    }

    @org.junit.jupiter.api.Test
    void a_chosen_deadline_leaves_at_least_a_week() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KitDeadline.checkChosen(KIT.plusDays(6), KIT, null, AgencyRules.DEFAULTS))
                .hasMessage("Give the attending at least a week: choose 8 Jul 2027 or later");
        KitDeadline.checkChosen(KIT.plusDays(7), KIT, null, AgencyRules.DEFAULTS);
    }

    @org.junit.jupiter.api.Test
    void a_chosen_deadline_stays_within_six_weeks_and_before_the_submit_date() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KitDeadline.checkChosen(KIT.plusDays(43), KIT, null, AgencyRules.DEFAULTS))
                .hasMessageStartingWith("Keep the deadline within six weeks, by 12 Aug 2027");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KitDeadline.checkChosen(KIT.plusDays(31), KIT, KIT.plusDays(30), AgencyRules.DEFAULTS))
                .hasMessage("That is after the planned ERAS submit date, 31 Jul 2027: choose 31 Jul 2027 or earlier");
        KitDeadline.checkChosen(KIT.plusDays(30), KIT, KIT.plusDays(30), AgencyRules.DEFAULTS);
    }

    @org.junit.jupiter.api.Test
    void when_the_submit_date_is_under_a_week_away_a_week_is_still_allowed() {
        KitDeadline.checkChosen(KIT.plusDays(7), KIT, KIT.plusDays(2), AgencyRules.DEFAULTS);
    }

    private static final AgencyRules THREE_WEEKS = AgencyRules.DEFAULTS.with(AgencyRules.Rule.KIT_DEADLINE_DAYS, 21)
            .with(AgencyRules.Rule.KIT_DEADLINE_SHORTEST_DAYS, 10).with(AgencyRules.Rule.KIT_DEADLINE_LONGEST_DAYS, 28);

    @Test
    void an_agencys_own_deadline_is_proposed_and_still_yields_to_the_submit_date() {
        assertThat(KitDeadline.proposeFor(KIT, null, THREE_WEEKS)).isEqualTo(new KitDeadline(KIT.plusDays(21), Fit.COMFORTABLE));
        assertThat(KitDeadline.proposeFor(KIT, KIT.plusDays(25), THREE_WEEKS)).isEqualTo(new KitDeadline(KIT.plusDays(21), Fit.COMFORTABLE));
        assertThat(KitDeadline.proposeFor(KIT, KIT.plusDays(15), THREE_WEEKS)).isEqualTo(new KitDeadline(KIT.plusDays(15), Fit.TIGHT));
        assertThat(KitDeadline.proposeFor(KIT, KIT, THREE_WEEKS)).as("late: the agency's shortest deadline")
                .isEqualTo(new KitDeadline(KIT.plusDays(10), Fit.LATE));
    }

    @Test
    void a_chosen_deadline_follows_the_agencys_shortest_and_longest() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KitDeadline.checkChosen(KIT.plusDays(9), KIT, null, THREE_WEEKS))
                .hasMessage("Give the attending at least 10 days: choose 11 Jul 2027 or later");
        KitDeadline.checkChosen(KIT.plusDays(10), KIT, null, THREE_WEEKS);
        KitDeadline.checkChosen(KIT.plusDays(28), KIT, null, THREE_WEEKS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KitDeadline.checkChosen(KIT.plusDays(29), KIT, null, THREE_WEEKS))
                .hasMessage("Keep the deadline within four weeks, by 29 Jul 2027: a deadline months away is easily forgotten");
        // a submit date nearer than the shortest deadline: the shortest is still allowed
        KitDeadline.checkChosen(KIT.plusDays(10), KIT, KIT.plusDays(3), THREE_WEEKS);
    }

    @Test
    void the_window_runs_from_a_week_to_six_weeks_out_unless_the_submit_date_comes_first() {
        assertThat(KitDeadline.window(KIT, null, AgencyRules.DEFAULTS)).isEqualTo(new KitDeadline.Window(KIT.plusDays(7), KIT.plusDays(42), false));
        assertThat(KitDeadline.window(KIT, KIT.plusDays(42), AgencyRules.DEFAULTS)).as("on the sixth week: the six weeks decide")
                .isEqualTo(new KitDeadline.Window(KIT.plusDays(7), KIT.plusDays(42), false));
        assertThat(KitDeadline.window(KIT, KIT.plusDays(20), AgencyRules.DEFAULTS)).isEqualTo(new KitDeadline.Window(KIT.plusDays(7), KIT.plusDays(20), true));
        assertThat(KitDeadline.window(KIT, KIT.plusDays(3), AgencyRules.DEFAULTS)).as("a week is still allowed")
                .isEqualTo(new KitDeadline.Window(KIT.plusDays(7), KIT.plusDays(7), true));
        assertThat(KitDeadline.window(KIT, KIT.plusDays(20), AgencyRules.DEFAULTS).contains(KIT.plusDays(20))).isTrue();
        assertThat(KitDeadline.window(KIT, KIT.plusDays(20), AgencyRules.DEFAULTS).contains(KIT.plusDays(21))).isFalse();
    }

    @Test
    void the_students_own_submit_date_limits_the_deadline_before_the_cohorts() {
        org.lorkit.domain.student.Student student = org.lorkit.domain.TestData.student();
        LocalDate today = LocalDate.of(2027, 7, 1);
        // The cohort submits on 15 Sep 2027, beyond six weeks: only the six weeks limit the deadline.
        KitDeadline.checkChosen(today.plusDays(30), today, student.effectivePlannedSubmitOn(), AgencyRules.DEFAULTS);

        student.planSubmission(today.plusDays(25), today);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KitDeadline.checkChosen(today.plusDays(30), today,
                        student.effectivePlannedSubmitOn(), AgencyRules.DEFAULTS))
                .hasMessage("That is after the planned ERAS submit date, 26 Jul 2027: choose 26 Jul 2027 or earlier");
        assertThat(KitDeadline.proposeFor(today, student.effectivePlannedSubmitOn(), AgencyRules.DEFAULTS))
                .isEqualTo(new KitDeadline(today.plusDays(25), Fit.COMFORTABLE));
    }
}
