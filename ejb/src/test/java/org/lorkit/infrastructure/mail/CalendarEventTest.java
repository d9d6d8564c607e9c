package org.lorkit.infrastructure.mail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CalendarEventTest {
    @Test
    void text_escapes_what_rfc_5545_escapes_and_drops_control_characters() {
        assertThat(CalendarEvent.text("a\\b;c,d\ne\r\nf\rg\u0007h\ti")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng" + "h\ti");
    }

    @Test
    void a_line_of_exactly_75_octets_stays_whole_and_one_more_octet_folds() {
        assertThat(folded("x".repeat(75))).isEqualTo("x".repeat(75) + "\r\n");
        assertThat(folded("x".repeat(76))).isEqualTo("x".repeat(75) + "\r\n x\r\n");
        // A continuation's leading space counts: 74 more octets fit on it.
        assertThat(folded("x".repeat(75 + 74 + 1))).isEqualTo("x".repeat(75) + "\r\n " + "x".repeat(74) + "\r\n x\r\n");
    }

    @Test
    void a_character_that_would_cross_the_75th_octet_moves_whole_to_the_next_line() {
        for (String character : new String[]{"é", "€", "🩺"}) {
            for (int prefix = 70; prefix <= 75; prefix++) {
                String line = "x".repeat(prefix) + character.repeat(3);
                String out = folded(line);
                assertThat(out.replace("\r\n ", "")).isEqualTo(line + "\r\n");
                for (String physical : out.split("\r\n")) {
                    assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
                    assertThat(physical).doesNotContain("\uFFFD").matches(s -> !Character.isHighSurrogate(s.charAt(s.length() - 1)));
                }
            }
        }
    }

    @Test
    void an_event_over_several_days_ends_at_the_start_of_the_day_after_its_last_and_one_day_is_the_same_with_one_day() {
        Instant stamp = Instant.parse("2026-10-20T15:04:05Z");
        String days = new CalendarEvent("u@lorkit", 0, stamp, LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 1), "s", "d").toIcs();
        String one = new CalendarEvent("u@lorkit", 0, stamp, LocalDate.of(2026, 12, 31), "s", "d").toIcs();

        assertThat(days).contains("\r\nDTSTART;VALUE=DATE:20261228\r\n", "\r\nDTEND;VALUE=DATE:20270102\r\n", "\r\nDTSTAMP:20261020T150405Z\r\n");
        assertThat(one).contains("\r\nDTSTART;VALUE=DATE:20261231\r\n", "\r\nDTEND;VALUE=DATE:20270101\r\n");
        assertThatThrownBy(() -> new CalendarEvent("u@lorkit", 0, stamp, LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 27), "s", "d"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String folded(String line) {
        StringBuilder out = new StringBuilder();
        CalendarEvent.line(out, line);
        return out.toString();
    }
}
