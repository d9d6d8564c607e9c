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
}
