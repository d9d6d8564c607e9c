package org.lorkit.application.advice;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.util.DateTimeComponents;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.rotation.AskWindow;
import org.lorkit.infrastructure.mail.CalendarEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The student's .ics downloads, written as RFC 5545 asks and read back by a real iCalendar parser (biweekly). */
class StudentEventsTest {
    private static final Instant NOW = Instant.parse("2026-10-20T15:04:05Z");
    private static final LocalDate START = LocalDate.of(2026, 10, 5);
    /** A Friday. */
    private static final LocalDate END = LocalDate.of(2026, 10, 30);
    private static final AskWindow WINDOW = AskWindow.of(START, END, LocalDate.of(2026, 10, 20), AgencyRules.DEFAULTS);
    /** With the characters TEXT escapes, and far from ASCII. */
    private static final String TITLE = "Internal Medicine at St. Mary's, North Campus; Zürich–São Paulo Teaching Hospital 🩺";

    private static VEvent parsed(String ics) {
        List<List<ParseWarning>> warnings = new ArrayList<>();
        List<ICalendar> calendars = Biweekly.parse(ics).warnings(warnings).all();
        assertThat(calendars).hasSize(1);
        assertThat(warnings).allSatisfy(list -> assertThat(list).isEmpty());
        ICalendar calendar = calendars.get(0);
        assertThat(calendar.validate(ICalVersion.V2_0).isEmpty()).as(calendar.validate(ICalVersion.V2_0).toString()).isTrue();
        assertThat(calendar.getEvents()).hasSize(1);
        return calendar.getEvents().get(0);
    }

    private static LocalDate day(DateTimeComponents components) {
        return LocalDate.of(components.getYear(), components.getMonth(), components.getDate());
    }

    @Test
    void the_ask_window_is_an_all_day_event_over_the_ideal_days_with_the_acceptable_weeks_in_its_description() {
        String ics = StudentEvents.askWindow(31, TITLE, WINDOW, "Dr. Anjali Patel", NOW).toIcs();
        String unfolded = ics.replace("\r\n ", "");

        assertThat(unfolded).contains("\r\nDTSTART;VALUE=DATE:20261026\r\n")
                .as("DTEND is exclusive: the day after the last day").contains("\r\nDTEND;VALUE=DATE:20261031\r\n")
                .contains("\r\nUID:ask-window-31@lorkit\r\n")
                .as("commas and semicolons escaped").contains("SUMMARY:Ask Dr. Anjali Patel for a strong letter: Internal Medicine at St. Mary's\\, North Campus\\; Zürich");
        VEvent event = parsed(ics);
        assertThat(event.getDateStart().getValue().hasTime()).isFalse();
        assertThat(day(event.getDateStart().getValue().getRawComponents())).isEqualTo(END.minusDays(4));
        assertThat(day(event.getDateEnd().getValue().getRawComponents())).isEqualTo(END.plusDays(1));
        assertThat(event.getSummary().getValue()).isEqualTo("Ask Dr. Anjali Patel for a strong letter: " + TITLE);
        assertThat(event.getDescription().getValue())
                .contains("the last days of your rotation, 26 Oct – 30 Oct 2026.\n")
                .contains("After it ends, asking by email stays acceptable from 31 Oct – 27 Nov 2026.\n")
                .contains("Whom to ask first: Dr. Anjali Patel.\n")
                .contains("strong letter");
        assertThat(event.getDateTimeStamp().getValue().toInstant()).isEqualTo(NOW);
    }

    @Test
    void with_nobody_left_to_ask_the_window_names_nobody() {
        VEvent event = parsed(StudentEvents.askWindow(31, "Internal Medicine at Mercy", WINDOW, null, NOW).toIcs());

        assertThat(event.getSummary().getValue()).isEqualTo("Ask for a strong letter: Internal Medicine at Mercy");
        assertThat(event.getDescription().getValue()).doesNotContain("Whom to ask");
    }

    @Test
    void downloading_again_gives_the_same_uid_so_a_calendar_updates_the_event() {
        VEvent first = parsed(StudentEvents.askWindow(31, TITLE, WINDOW, "Dr. Anjali Patel", NOW).toIcs());
        AskWindow longer = AskWindow.of(START, END, END, AgencyRules.DEFAULTS.with(AgencyRules.Rule.IDEAL_LAST_DAYS, 7));
        VEvent again = parsed(StudentEvents.askWindow(31, TITLE, longer, "Dr. Min Kim", NOW.plusSeconds(86_400)).toIcs());

        assertThat(again.getUid().getValue()).isEqualTo(first.getUid().getValue());
        assertThat(again.getDateTimeStamp().getValue()).isAfter(first.getDateTimeStamp().getValue());
        assertThat(day(again.getDateStart().getValue().getRawComponents())).isEqualTo(END.minusDays(6));
        assertThat(parsed(StudentEvents.askWindow(32, TITLE, WINDOW, null, NOW).toIcs()).getUid().getValue())
                .as("another rotation, another event").isEqualTo("ask-window-32@lorkit");
    }

    @Test
    void a_kits_deadline_is_one_all_day_event_whose_sequence_counts_the_deadlines_sent_before() {
        LocalDate deadline = LocalDate.of(2026, 11, 13);
        String ics = StudentEvents.kitDeadline(4711, "Dr. Anjali Patel", deadline, 2, NOW).toIcs();

        assertThat(ics).contains("\r\nDTSTART;VALUE=DATE:20261113\r\n", "\r\nDTEND;VALUE=DATE:20261114\r\n", "\r\nSEQUENCE:2\r\n");
        VEvent event = parsed(ics);
        assertThat(event.getUid().getValue()).as("not the attending's event: the student's words").isEqualTo("kit-deadline-4711@lorkit");
        assertThat(event.getSequence().getValue()).isEqualTo(2);
        assertThat(event.getSummary().getValue()).isEqualTo("Letter from Dr. Anjali Patel due");
        assertThat(event.getDescription().getValue()).contains("Dr. Anjali Patel's letter of recommendation is due on Friday, 13 Nov 2026.");
    }

    @Test
    void every_line_ends_in_crlf_and_fits_75_octets_without_splitting_a_character_and_no_link_is_carried() {
        for (CalendarEvent event : List.of(StudentEvents.askWindow(31, TITLE.repeat(3), WINDOW, "Dr. Nguyễn Thị Minh-Châu Ōtsuka", NOW),
                StudentEvents.kitDeadline(4711, "Dr. Nguyễn Thị Minh-Châu Ōtsuka-Hernández; \"MC\", née Øvergård", END, 0, NOW))) {
            String ics = event.toIcs();
            assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
            assertThat(ics.replace("\r\n", "")).as("no bare CR or LF").doesNotContain("\r", "\n");
            for (String line : ics.split("\r\n")) {
                byte[] octets = line.getBytes(StandardCharsets.UTF_8);
                assertThat(octets.length).as(line).isLessThanOrEqualTo(CalendarEvent.MAX_LINE_OCTETS);
                assertThat(new String(octets, StandardCharsets.UTF_8)).as("a whole character at each end").isEqualTo(line).doesNotContain("\uFFFD");
            }
            assertThat(ics.replace("\r\n ", "")).doesNotContain("http", "?t=");
        }
    }
}
