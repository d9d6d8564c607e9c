package org.lorkit.domain.rotation;

import org.lorkit.domain.agency.AgencyRules;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lorkit.domain.rotation.AskWindow.Phase;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AskWindowTest {
    private static final LocalDate START = LocalDate.of(2027, 6, 1);
    private static final LocalDate END = LocalDate.of(2027, 6, 28);

    private static AskWindow askOn(LocalDate today) {
        return AskWindow.of(START, END, today, AgencyRules.DEFAULTS);
    }

    @ParameterizedTest(name = "{0} days before the end => {1}")
    @CsvSource({
            "27, TOO_EARLY",  // first day of the rotation
            "6,  TOO_EARLY",
            "5,  TOO_EARLY",  // six days including the last: one too many
            "4,  IDEAL",      // the first of the last five days
            "3,  IDEAL",
            "1,  IDEAL",
            "0,  IDEAL",      // the last day itself
    })
    void phaseBeforeTheEnd(int daysBeforeEnd, Phase expected) {
        assertThat(askOn(END.minusDays(daysBeforeEnd)).phase()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} days after the end => {1}")
    @CsvSource({
            "1,   ACCEPTABLE",
            "14,  ACCEPTABLE",
            "28,  ACCEPTABLE",
            "29,  LATE",
            "60,  LATE",
            "61,  POOR",
            "200, POOR",
    })
    void phaseAfterTheEnd(int daysAfterEnd, Phase expected) {
        assertThat(askOn(END.plusDays(daysAfterEnd)).phase()).isEqualTo(expected);
    }

    @Test
    @DisplayName("a rotation ending 5 December: 1 to 5 December are ideal, 30 November is not yet")
    void theIdealWindowIsTheLastFiveCalendarDaysWithTheEndDayIncluded() {
        LocalDate start = LocalDate.of(2026, 11, 8);
        LocalDate end = LocalDate.of(2026, 12, 5);

        assertThat(AskWindow.of(start, end, LocalDate.of(2026, 11, 30), AgencyRules.DEFAULTS).phase()).isEqualTo(Phase.TOO_EARLY);
        for (int day = 1; day <= 5; day++) {
            assertThat(AskWindow.of(start, end, LocalDate.of(2026, 12, day), AgencyRules.DEFAULTS).phase()).as("December %d", day).isEqualTo(Phase.IDEAL);
        }
        assertThat(AskWindow.of(start, end, LocalDate.of(2026, 12, 6), AgencyRules.DEFAULTS).phase()).isEqualTo(Phase.ACCEPTABLE);
        assertThat(AskWindow.of(start, end, start, AgencyRules.DEFAULTS).idealFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void beforeTheRotationStartsIsTooEarly() {
        assertThat(askOn(START.minusDays(1)).phase()).isEqualTo(Phase.TOO_EARLY);
    }

    @Test
    @DisplayName("a rotation shorter than the ideal window: before its start is still too early")
    void shortRotationBeforeStartIsTooEarlyEvenWithinFiveDaysOfTheEnd() {
        LocalDate start = LocalDate.of(2027, 6, 1);
        LocalDate end = LocalDate.of(2027, 6, 3);

        AskWindow window = AskWindow.of(start, end, LocalDate.of(2027, 5, 31), AgencyRules.DEFAULTS);

        assertThat(window.daysToEnd()).isEqualTo(3);
        assertThat(window.phase()).isEqualTo(Phase.TOO_EARLY);
        assertThat(AskWindow.of(start, end, start, AgencyRules.DEFAULTS).phase()).isEqualTo(Phase.IDEAL);
    }

    @Test
    void idealFromIsTheFirstOfTheLastFiveDays() {
        AskWindow window = askOn(START);

        assertThat(window.idealFrom()).isEqualTo(LocalDate.of(2027, 6, 24));
        assertThat(window.endDate()).isEqualTo(END);
        assertThat(window.acceptableTo()).isEqualTo(LocalDate.of(2027, 7, 26));
    }

    @Test
    void idealFromClampsToTheStartOfAShortRotation() {
        LocalDate start = LocalDate.of(2027, 6, 1);
        LocalDate end = LocalDate.of(2027, 6, 3);

        AskWindow window = AskWindow.of(start, end, start, AgencyRules.DEFAULTS);

        assertThat(window.idealFrom()).isEqualTo(start);
        assertThat(window.acceptableTo()).isEqualTo(end.plusDays(28));
    }

    @Test
    void daysToEndIsZeroOnTheLastDayAndNegativeAfter() {
        assertThat(askOn(END).daysToEnd()).isZero();
        assertThat(askOn(END.plusDays(3)).daysToEnd()).isEqualTo(-3);
        assertThat(askOn(END.minusDays(2)).daysToEnd()).isEqualTo(2);
    }

    @Test
    void daysUntilWindowClosesCountsToTheLastAcceptableDay() {
        assertThat(askOn(END.minusDays(5)).daysUntilWindowCloses()).isEqualTo(33);
        assertThat(askOn(END).daysUntilWindowCloses()).isEqualTo(28);
        assertThat(askOn(END.plusDays(10)).daysUntilWindowCloses()).isEqualTo(18);
        assertThat(askOn(END.plusDays(28)).daysUntilWindowCloses()).isZero();
        assertThat(askOn(END.plusDays(29)).daysUntilWindowCloses()).isEqualTo(-1);
    }

    @Test
    void daysUntilWindowClosesAgreesWithAcceptableTo() {
        LocalDate today = END.plusDays(4);
        AskWindow window = askOn(today);

        assertThat(today.plusDays(window.daysUntilWindowCloses())).isEqualTo(window.acceptableTo());
    }

    @Test
    void onlyIdealAndAcceptableAreInTheWindow() {
        assertThat(askOn(END.minusDays(5)).isInWindow()).isFalse();
        assertThat(askOn(END.minusDays(4)).isInWindow()).isTrue();
        assertThat(askOn(END.plusDays(28)).isInWindow()).isTrue();
        assertThat(askOn(END.plusDays(29)).isInWindow()).isFalse();
        assertThat(askOn(END.plusDays(61)).isInWindow()).isFalse();
    }

    @Test
    void the_window_in_words_says_when_and_how_to_ask_from_where_today_falls() {
        assertThat(askOn(START).describe()).isEqualTo("Ask in person 24 Jun 2027 to 28 Jun 2027; by email until 26 Jul 2027");
        assertThat(askOn(END.minusDays(2)).describe()).isEqualTo("Now is the ideal time: ask in person by 28 Jun 2027; by email until 26 Jul 2027");
        assertThat(askOn(END.plusDays(16)).describe()).isEqualTo("Ask by email by 26 Jul 2027 (12 days left)");
        assertThat(askOn(END.plusDays(27)).describe()).isEqualTo("Ask by email by 26 Jul 2027 (1 day left)");
        assertThat(askOn(END.plusDays(28)).describe()).isEqualTo("Ask by email by 26 Jul 2027 (the last day)");
        assertThat(askOn(END.plusDays(29)).describe()).isEqualTo("Late since 27 Jul 2027: still worth asking by email; name a specific date");
        assertThat(askOn(END.plusDays(90)).describe()).isEqualTo("Months since it ended: ask only if they will remember your work well");
    }

    @ParameterizedTest(name = "ideal window of 3 days, {0} days before the end => {1}")
    @CsvSource({"4, TOO_EARLY", "3, TOO_EARLY", "2, IDEAL", "0, IDEAL"})
    void anAgencysShorterIdealWindowStartsLater(int daysBeforeEnd, Phase expected) {
        AgencyRules threeDays = AgencyRules.DEFAULTS.with(AgencyRules.Rule.IDEAL_LAST_DAYS, 3);

        AskWindow window = AskWindow.of(START, END, END.minusDays(daysBeforeEnd), threeDays);

        assertThat(window.phase()).isEqualTo(expected);
        assertThat(window.idealFrom()).isEqualTo(END.minusDays(2));
    }

    @Test
    void anAgencysLongerIdealWindowStartsEarlier() {
        AgencyRules sevenDays = AgencyRules.DEFAULTS.with(AgencyRules.Rule.IDEAL_LAST_DAYS, 7);

        assertThat(AskWindow.of(START, END, END.minusDays(6), sevenDays).phase()).isEqualTo(Phase.IDEAL);
        assertThat(AskWindow.of(START, END, END.minusDays(7), sevenDays).phase()).isEqualTo(Phase.TOO_EARLY);
    }

    @ParameterizedTest(name = "acceptable for 2 weeks, {0} days after the end => {1}")
    @CsvSource({"14, ACCEPTABLE", "15, LATE", "60, LATE", "61, POOR"})
    void anAgencysShorterAcceptablePeriodMakesAnAskLateSooner(int daysAfterEnd, Phase expected) {
        AgencyRules twoWeeks = AgencyRules.DEFAULTS.with(AgencyRules.Rule.ACCEPTABLE_WEEKS_AFTER_END, 2);

        AskWindow window = AskWindow.of(START, END, END.plusDays(daysAfterEnd), twoWeeks);

        assertThat(window.phase()).isEqualTo(expected);
        assertThat(window.acceptableTo()).isEqualTo(END.plusDays(14));
        assertThat(window.daysUntilWindowCloses()).isEqualTo(14 - daysAfterEnd);
    }

    @Test
    void anAgencysLongerAcceptablePeriodKeepsAnEmailAcceptable() {
        AgencyRules sixWeeks = AgencyRules.DEFAULTS.with(AgencyRules.Rule.ACCEPTABLE_WEEKS_AFTER_END, 6);

        assertThat(AskWindow.of(START, END, END.plusDays(42), sixWeeks).phase()).isEqualTo(Phase.ACCEPTABLE);
        assertThat(AskWindow.of(START, END, END.plusDays(43), sixWeeks).phase()).isEqualTo(Phase.LATE);
    }

    @Test
    void lateAndPoorAreLate() {
        assertThat(askOn(END.plusDays(28)).isLate()).isFalse();
        assertThat(askOn(END.plusDays(29)).isLate()).isTrue();
        assertThat(askOn(END.plusDays(200)).isLate()).isTrue();
        assertThat(askOn(END.minusDays(10)).isLate()).isFalse();
    }
}
