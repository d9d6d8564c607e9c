package org.lorkit.domain.shared;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class DatesTest {
    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-12-05T23:30:00Z");

    @Test
    void aMomentIsShownOnTheAgencysCalendar() {
        assertThat(Dates.moment(LATE_EVENING_UTC, ZoneId.of("Asia/Kolkata"))).isEqualTo("6 Dec 2026, 05:00 IST");
        assertThat(Dates.moment(LATE_EVENING_UTC, ZoneId.of("America/Los_Angeles"))).isEqualTo("5 Dec 2026, 15:30 PST");
    }

    @Test
    void aDayIsWrittenOneWay() {
        assertThat(Dates.day(LocalDate.of(2026, 12, 29))).isEqualTo("29 Dec 2026");
        assertThat(Dates.day(null)).isEmpty();
    }

    @Test
    void aDayMayCarryItsWeekday() {
        assertThat(Dates.weekdayAndDay(LocalDate.of(2026, 12, 25))).isEqualTo("Friday, 25 Dec 2026");
    }

    @Test
    void aRangeWritesTheYearOnceWhenItCan() {
        assertThat(Dates.range(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 12, 1))).isEqualTo("3 Nov – 1 Dec 2026");
        assertThat(Dates.range(LocalDate.of(2026, 12, 14), LocalDate.of(2027, 1, 8))).isEqualTo("14 Dec 2026 – 8 Jan 2027");
    }

    @Test
    void aRotationIsNamedByTheMonthsItCovers() {
        assertThat(Dates.months(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 27))).isEqualTo("November 2026");
        assertThat(Dates.months(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 11))).isEqualTo("November–December 2026");
        assertThat(Dates.months(LocalDate.of(2026, 12, 7), LocalDate.of(2027, 1, 15))).isEqualTo("December 2026–January 2027");
    }

    @Test
    void aTypedDayIsReadInTheShownFormatOrIso() {
        LocalDate day = LocalDate.of(2026, 12, 29);
        assertThat(Dates.parse("29 Dec 2026")).contains(day);
        assertThat(Dates.parse(" 29  december 2026 ")).contains(day);
        assertThat(Dates.parse("2026-12-29")).contains(day);
        assertThat(Dates.parse(Dates.day(day))).contains(day);
        assertThat(Dates.parse("12/29/2026")).isEmpty();
        assertThat(Dates.parse("")).isEmpty();
    }
}
