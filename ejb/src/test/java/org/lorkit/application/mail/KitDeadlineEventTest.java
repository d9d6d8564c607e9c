package org.lorkit.application.mail;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.util.DateTimeComponents;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.link.CapabilityToken;
import org.lorkit.infrastructure.mail.CalendarEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The .ics attached to the kit email, read back by a real iCalendar parser (biweekly) as a calendar would. */
class KitDeadlineEventTest {
    private static final Instant SENT = Instant.parse("2026-09-14T08:30:05Z");
    private static final LocalDate DEADLINE = LocalDate.of(2026, 10, 16);
    /** Long and far from ASCII, with the characters TEXT escapes. */
    private static final String STUDENT = "Nguyễn Thị Minh-Châu Ōtsuka-Hernández; \"MC\", née Øvergård 🩺";
    private static final String AGENCY = "Clinical Pathways Ürgüp, Zürich & São Paulo; USCE placements for international graduates";

    @Test
    void the_event_parses_and_names_the_deadline_the_student_and_the_agency() throws Exception {
        String ics = LetterMails.kitDeadline(4711, STUDENT, AGENCY, DEADLINE, 0, SENT).toIcs();

        List<List<ParseWarning>> warnings = new ArrayList<>();
        List<ICalendar> calendars = Biweekly.parse(ics).warnings(warnings).all();
        assertThat(calendars).hasSize(1);
        assertThat(warnings).allSatisfy(list -> assertThat(list).isEmpty());
        ICalendar calendar = calendars.get(0);
        assertThat(calendar.validate(ICalVersion.V2_0).isEmpty()).as(calendar.validate(ICalVersion.V2_0).toString()).isTrue();
        assertThat(calendar.getMethod().getValue()).isEqualTo("PUBLISH");

        assertThat(calendar.getEvents()).hasSize(1);
        VEvent event = calendar.getEvents().get(0);
        assertThat(event.getUid().getValue()).isEqualTo("letter-4711@lorkit");
        assertThat(event.getSequence().getValue()).isZero();
        assertThat(event.getDateTimeStamp().getValue().toInstant()).as("DTSTAMP: when the event was made").isEqualTo(SENT);
        assertThat(event.getDateStart().getValue().hasTime()).isFalse();
        assertThat(day(event.getDateStart().getValue().getRawComponents())).isEqualTo(DEADLINE);
        assertThat(day(event.getDateEnd().getValue().getRawComponents())).isEqualTo(DEADLINE.plusDays(1));
        assertThat(event.getSummary().getValue()).isEqualTo("Letter of recommendation for " + STUDENT + " due");
        assertThat(event.getDescription().getValue())
                .contains("The letter of recommendation for " + STUDENT + " is due on Friday, 16 Oct 2026.")
                .contains("Upload it through the link AAMC emails you.")
                .contains("use the link in the email from " + AGENCY + ".")
                .contains("\n");
    }

    @Test
    void every_line_ends_in_crlf_and_fits_75_octets_without_splitting_a_character() {
        String ics = LetterMails.kitDeadline(4711, STUDENT.repeat(3), AGENCY.repeat(3), DEADLINE, 0, SENT).toIcs();

        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r", "\n");
        for (String line : ics.split("\r\n")) {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as(line).isLessThanOrEqualTo(CalendarEvent.MAX_LINE_OCTETS);
            assertThat(new String(octets, StandardCharsets.UTF_8)).as("a whole character at each end").isEqualTo(line);
            assertThat(line).doesNotContain("\uFFFD");
        }
        assertThat(ics.split("\r\n")).as("the long summary and description are folded").anyMatch(line -> line.startsWith(" "));
    }

    @Test
    void the_event_holds_no_link_and_no_token() {
        String ics = LetterMails.kitDeadline(4711, STUDENT, AGENCY, DEADLINE, 0, SENT).toIcs();
        String unfolded = ics.replace("\r\n ", "");

        assertThat(unfolded).doesNotContain("http", "/a/kit", "/a/confirm", "/a/download", "?t=", "t=");
        // Whatever the names, no 43-character token-shaped word.
        assertThat(unfolded.split("[^A-Za-z0-9_-]+")).noneMatch(CapabilityToken::isWellFormed);
    }

    @Test
    void a_kit_sent_again_updates_the_same_event_with_the_next_sequence() throws Exception {
        VEvent first = Biweekly.parse(LetterMails.kitDeadline(4711, STUDENT, AGENCY, DEADLINE, 0, SENT).toIcs()).first().getEvents().get(0);
        VEvent again = Biweekly.parse(LetterMails.kitDeadline(4711, STUDENT, AGENCY, DEADLINE.plusDays(7), 1, SENT.plusSeconds(86_400)).toIcs())
                .first().getEvents().get(0);

        assertThat(again.getUid().getValue()).isEqualTo(first.getUid().getValue());
        assertThat(again.getSequence().getValue()).isGreaterThan(first.getSequence().getValue());
        assertThat(again.getDateTimeStamp().getValue()).isAfter(first.getDateTimeStamp().getValue());
    }

    private static LocalDate day(DateTimeComponents components) {
        return LocalDate.of(components.getYear(), components.getMonth(), components.getDate());
    }
}
