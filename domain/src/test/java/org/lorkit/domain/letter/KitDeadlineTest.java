package org.lorkit.domain.letter;

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
        assertThat(KitDeadline.proposeFor(KIT, null))
                .isEqualTo(new KitDeadline(LocalDate.of(2027, 7, 29), Fit.COMFORTABLE));
    }

    @Test
    void aSubmitDateAfterFourWeeksKeepsTheFourWeekDeadline() {
        assertThat(KitDeadline.proposeFor(KIT, LocalDate.of(2027, 9, 15)))
                .isEqualTo(new KitDeadline(KIT.plusDays(28), Fit.COMFORTABLE));
    }

    @Test
    void aSubmitDateExactlyFourWeeksOutIsTheDeadline() {
        assertThat(KitDeadline.proposeFor(KIT, KIT.plusDays(28)))
                .isEqualTo(new KitDeadline(KIT.plusDays(28), Fit.COMFORTABLE));
    }

    @Test
    void aSubmitDateWithinFourWeeksBecomesTheDeadline() {
        assertThat(KitDeadline.proposeFor(KIT, KIT.plusDays(25)))
                .isEqualTo(new KitDeadline(KIT.plusDays(25), Fit.COMFORTABLE));
    }

    @Test
    void threeWeeksIsStillComfortable() {
        assertThat(KitDeadline.proposeFor(KIT, KIT.plusDays(21)))
                .isEqualTo(new KitDeadline(KIT.plusDays(21), Fit.COMFORTABLE));
    }

    @Test
    void underThreeWeeksIsTight() {
        assertThat(KitDeadline.proposeFor(KIT, KIT.plusDays(20)))
                .isEqualTo(new KitDeadline(KIT.plusDays(20), Fit.TIGHT));
        assertThat(KitDeadline.proposeFor(KIT, KIT.plusDays(1)))
                .isEqualTo(new KitDeadline(KIT.plusDays(1), Fit.TIGHT));
    }

    @Test
    void aSubmitDateOnTheKitDayIsLateWithADateAWeekOut() {
        assertThat(KitDeadline.proposeFor(KIT, KIT))
                .isEqualTo(new KitDeadline(KIT.plusDays(7), Fit.LATE));
    }

    @Test
    void aSubmitDateAlreadyPastIsLateWithADateAWeekOut() {
        // August ask before an already-passed submit date: still ask, with a specific near date.
        assertThat(KitDeadline.proposeFor(KIT, KIT.minusDays(10)))
                .isEqualTo(new KitDeadline(KIT.plusDays(7), Fit.LATE));
    }

    @ParameterizedTest(name = "submit {0} days after the kit")
    @ValueSource(ints = {1, 2, 7, 14, 20, 21, 22, 27, 28, 29, 35, 90})
    void neverAfterThePlannedSubmitDateNorBeyondFourWeeks(int submitAfterKit) {
        LocalDate submit = KIT.plusDays(submitAfterKit);

        KitDeadline deadline = KitDeadline.proposeFor(KIT, submit);

        assertThat(deadline.date()).isAfter(KIT).isBeforeOrEqualTo(submit).isBeforeOrEqualTo(KIT.plusDays(28));
        assertThat(deadline.fit()).isNotEqualTo(Fit.LATE);
    }

    @org.junit.jupiter.api.Test
    void a_chosen_deadline_leaves_at_least_a_week() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KitDeadline.checkChosen(KIT.plusDays(6), KIT, null))
                .hasMessage("Give the attending at least a week: choose 8 Jul 2027 or later");
        KitDeadline.checkChosen(KIT.plusDays(7), KIT, null);
    }

    @org.junit.jupiter.api.Test
    void a_chosen_deadline_stays_within_six_weeks_and_before_the_submit_date() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KitDeadline.checkChosen(KIT.plusDays(43), KIT, null))
                .hasMessageStartingWith("Keep the deadline within six weeks, by 12 Aug 2027");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KitDeadline.checkChosen(KIT.plusDays(31), KIT, KIT.plusDays(30)))
                .hasMessage("That is after the planned ERAS submit date, 31 Jul 2027: choose 31 Jul 2027 or earlier");
        KitDeadline.checkChosen(KIT.plusDays(30), KIT, KIT.plusDays(30));
    }

    @org.junit.jupiter.api.Test
    void when_the_submit_date_is_under_a_week_away_a_week_is_still_allowed() {
        KitDeadline.checkChosen(KIT.plusDays(7), KIT, KIT.plusDays(2));
    }

    @Test
    void the_window_runs_from_a_week_to_six_weeks_out_unless_the_submit_date_comes_first() {
        assertThat(KitDeadline.window(KIT, null)).isEqualTo(new KitDeadline.Window(KIT.plusDays(7), KIT.plusDays(42), false));
        assertThat(KitDeadline.window(KIT, KIT.plusDays(42))).as("on the sixth week: the six weeks decide")
                .isEqualTo(new KitDeadline.Window(KIT.plusDays(7), KIT.plusDays(42), false));
        assertThat(KitDeadline.window(KIT, KIT.plusDays(20))).isEqualTo(new KitDeadline.Window(KIT.plusDays(7), KIT.plusDays(20), true));
        assertThat(KitDeadline.window(KIT, KIT.plusDays(3))).as("a week is still allowed")
                .isEqualTo(new KitDeadline.Window(KIT.plusDays(7), KIT.plusDays(7), true));
        assertThat(KitDeadline.window(KIT, KIT.plusDays(20)).contains(KIT.plusDays(20))).isTrue();
        assertThat(KitDeadline.window(KIT, KIT.plusDays(20)).contains(KIT.plusDays(21))).isFalse();
    }

    @Test
    void the_students_own_submit_date_limits_the_deadline_before_the_cohorts() {
        org.lorkit.domain.student.Student student = org.lorkit.domain.TestData.student();
        LocalDate today = LocalDate.of(2027, 7, 1);
        // The cohort submits on 15 Sep 2027, beyond six weeks: only the six weeks limit the deadline.
        KitDeadline.checkChosen(today.plusDays(30), today, student.effectivePlannedSubmitOn());

        student.planSubmission(today.plusDays(25), today);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KitDeadline.checkChosen(today.plusDays(30), today,
                        student.effectivePlannedSubmitOn()))
                .hasMessage("That is after the planned ERAS submit date, 26 Jul 2027: choose 26 Jul 2027 or earlier");
        assertThat(KitDeadline.proposeFor(today, student.effectivePlannedSubmitOn()))
                .isEqualTo(new KitDeadline(today.plusDays(25), Fit.COMFORTABLE));
    }
}
