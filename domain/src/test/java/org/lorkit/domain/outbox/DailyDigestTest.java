package org.lorkit.domain.outbox;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.outbox.DailyDigest.Letter;
import org.lorkit.domain.outbox.DailyDigest.MailNews;
import org.lorkit.domain.outbox.DailyDigest.OpenLetter;
import org.lorkit.domain.outbox.DailyDigest.Part;
import org.lorkit.domain.outbox.DailyDigest.Section;
import org.lorkit.domain.outbox.DailyDigest.StateChange;
import org.lorkit.domain.outbox.DailyDigest.Window;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lorkit.domain.letter.LetterState.*;

class DailyDigestTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final Window WINDOW = new Window(DAY, CHICAGO);
    private static final Letter AMARA = new Letter(1, "Amara Okafor", "Dr. Dana Lee");
    private static final Letter RAHUL = new Letter(2, "Rahul Mehta", "Dr. Omar Haddad");
    private static final Letter SOFIA = new Letter(3, "Sofia Haddad", "Dr. Jane Park");
    private static final Letter CHEN = new Letter(4, "Chen Wei", "Dr. Luis Ortega");
    private static final Letter MARIANA = new Letter(5, "Mariana Silva", "Dr. Ken Ito");

    /** 10:00 on the digest's day in Chicago. */
    private static Instant local(int hour, int minute) {
        return at(DAY, hour, minute);
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(CHICAGO).toInstant();
    }

    @Test
    void a_day_without_events_says_nothing() {
        DailyDigest digest = DailyDigest.of(WINDOW, List.of(), List.of(), List.of());

        assertThat(digest.isEmpty()).isTrue();
        assertThat(digest.parts()).isEmpty();
        assertThat(digest.itemCount()).isZero();
    }

    @Test
    void rows_that_are_no_news_say_nothing_either() {
        DailyDigest digest = DailyDigest.of(WINDOW,
                List.of(
                        // the day before, and the day after
                        new StateChange(AMARA, KIT_SENT, DECLINED, DECLINED, null, local(0, 0).minusSeconds(1)),
                        new StateChange(RAHUL, REMINDED_2, NOT_COMING, NOT_COMING, null, WINDOW.end()),
                        // a decline the writer took back within the undo window
                        new StateChange(SOFIA, KIT_SENT, DECLINED, CONFIRMED, null, local(9, 0)),
                        // a state change that is not a letter falling through
                        new StateChange(CHEN, CONFIRMED, SUBMITTED, SUBMITTED, null, local(9, 0)),
                        // news recorded on a request declined earlier: its history event keeps the state
                        new StateChange(MARIANA, DECLINED, DECLINED, DECLINED, null, local(9, 0))),
                List.of(
                        new MailNews(AMARA, "lee@hospital.example", DeliveryEventKind.DELAYED, local(10, 0)),
                        new MailNews(AMARA, "lee@hospital.example", DeliveryEventKind.GAVE_UP, local(10, 0)),
                        new MailNews(AMARA, "lee@hospital.example", DeliveryEventKind.HELD_BY_RELAY, local(10, 0)),
                        new MailNews(RAHUL, "haddad@hospital.example", DeliveryEventKind.BOUNCED, WINDOW.end())),
                List.of(
                        // a strong yes of exactly a day before the day ends: the kit may still go out today
                        new OpenLetter(MARIANA, STRONG_YES, WINDOW.end().minus(Duration.ofHours(24)), null),
                        // awaited, due the day after
                        new OpenLetter(CHEN, CONFIRMED, local(9, 0), DAY.plusDays(1)),
                        // awaited, no deadline
                        new OpenLetter(SOFIA, KIT_SENT, local(9, 0), null),
                        // a deadline long past, but the letter is in
                        new OpenLetter(RAHUL, SUBMITTED, local(9, 0), DAY.minusDays(10))));

        assertThat(digest.isEmpty()).isTrue();
    }

    @Test
    void one_of_each_gives_every_section_in_order_with_the_names() {
        DailyDigest digest = DailyDigest.of(WINDOW,
                List.of(new StateChange(RAHUL, KIT_SENT, DECLINED, DECLINED, null, local(11, 15)),
                        new StateChange(AMARA, REMINDED_2, NOT_COMING, NOT_COMING, null, local(7, 0))),
                List.of(new MailNews(SOFIA, "park@hospital.example", DeliveryEventKind.COMPLAINED, local(14, 5)),
                        new MailNews(CHEN, "ortega@hospital.example", DeliveryEventKind.BOUNCED, local(9, 30))),
                List.of(new OpenLetter(MARIANA, STRONG_YES, local(8, 0).minus(Duration.ofDays(1)), null),
                        new OpenLetter(AMARA, REMINDED_1, local(8, 0).minus(Duration.ofDays(20)), DAY.minusDays(2))));

        assertThat(digest.isEmpty()).isFalse();
        assertThat(digest.parts()).extracting(Part::section).containsExactly(Section.values());
        assertThat(digest.itemCount()).isEqualTo(6);
        assertThat(lines(digest, Section.NOT_COMING)).containsExactly(
                "Amara Okafor, letter from Dr. Dana Lee: no letter after the reminders, taken as not coming at 07:00 CST: the student needs another writer");
        assertThat(lines(digest, Section.DECLINED)).containsExactly("Rahul Mehta, letter from Dr. Omar Haddad: the writer declined at 11:15 CST");
        assertThat(lines(digest, Section.BOUNCED)).containsExactly(
                "Chen Wei, letter from Dr. Luis Ortega: the email to ortega@hospital.example bounced at 09:30 CST: the address needs correcting");
        assertThat(lines(digest, Section.COMPLAINED)).singleElement().asString()
                .startsWith("Sofia Haddad, letter from Dr. Jane Park: the email to park@hospital.example was reported as spam at 14:05 CST");
        assertThat(lines(digest, Section.KIT_NOT_SENT)).containsExactly(
                "Mariana Silva, letter from Dr. Ken Ito: a strong yes on 30 Nov 2026, and the kit has not gone out yet");
        assertThat(lines(digest, Section.PAST_DEADLINE)).containsExactly(
                "Amara Okafor, letter from Dr. Dana Lee: the deadline of 29 Nov 2026 has passed and no letter has arrived (reminded once)");
        assertThat(digest.parts().get(0).title()).isEqualTo("Letters not coming");
    }

    @Test
    void a_no_the_student_recorded_at_the_ask_is_a_decline_staff_hear_of_as_well() {
        // Issue 17, item 12: the agency knows too, whether the writer declined from the kit or the student recorded their no.
        DailyDigest digest = DailyDigest.of(WINDOW,
                List.of(new StateChange(RAHUL, ASKED, DECLINED, DECLINED, null, local(16, 40)),
                        new StateChange(AMARA, KIT_SENT, DECLINED, DECLINED, "Too busy this season", local(9, 5))),
                List.of(), List.of());

        assertThat(digest.parts()).extracting(Part::section).containsExactly(Section.DECLINED);
        assertThat(lines(digest, Section.DECLINED)).containsExactly(
                "Amara Okafor, letter from Dr. Dana Lee: the writer declined at 09:05 CST (their note: \"Too busy this season\")",
                "Rahul Mehta, letter from Dr. Omar Haddad: the writer declined at 16:40 CST");
    }

    @Test
    void an_event_at_half_past_eleven_at_night_belongs_to_that_local_day() {
        Instant lateEvening = local(23, 30); // 05:30 UTC the next day
        assertThat(LocalDate.ofInstant(lateEvening, ZoneOffset.UTC)).isEqualTo(DAY.plusDays(1));

        DailyDigest thatDay = DailyDigest.of(WINDOW, List.of(new StateChange(AMARA, KIT_SENT, DECLINED, DECLINED, null, lateEvening)), List.of(), List.of());
        DailyDigest nextDay = DailyDigest.of(new Window(DAY.plusDays(1), CHICAGO),
                List.of(new StateChange(AMARA, KIT_SENT, DECLINED, DECLINED, null, lateEvening)), List.of(), List.of());

        assertThat(lines(thatDay, Section.DECLINED)).singleElement().asString().contains("declined at 23:30 CST");
        assertThat(nextDay.isEmpty()).isTrue();
    }

    @Test
    void the_window_runs_from_local_midnight_to_the_next_and_counts_the_start_but_not_the_end() {
        assertThat(WINDOW.start()).isEqualTo(Instant.parse("2026-12-01T06:00:00Z"));
        assertThat(WINDOW.end()).isEqualTo(Instant.parse("2026-12-02T06:00:00Z"));
        assertThat(WINDOW.contains(WINDOW.start())).isTrue();
        assertThat(WINDOW.contains(WINDOW.end().minusNanos(1))).isTrue();
        assertThat(WINDOW.contains(WINDOW.end())).isFalse();
        // Half past eleven at night UTC on the day is still the afternoon of that day in Chicago, and 2 am UTC the evening before.
        assertThat(WINDOW.contains(Instant.parse("2026-12-01T23:30:00Z"))).isTrue();
        assertThat(WINDOW.contains(Instant.parse("2026-12-01T02:00:00Z"))).isFalse();
    }

    @Test
    void a_day_of_a_daylight_saving_change_is_23_or_25_hours_long() {
        assertThat(Duration.between(new Window(LocalDate.of(2026, 3, 8), CHICAGO).start(), new Window(LocalDate.of(2026, 3, 8), CHICAGO).end()))
                .isEqualTo(Duration.ofHours(23));
        assertThat(Duration.between(new Window(LocalDate.of(2026, 11, 1), CHICAGO).start(), new Window(LocalDate.of(2026, 11, 1), CHICAGO).end()))
                .isEqualTo(Duration.ofHours(25));
    }

    @Test
    void the_day_is_over_at_its_local_midnight() {
        assertThat(WINDOW.isOverAt(WINDOW.end().minusSeconds(1))).isFalse();
        assertThat(WINDOW.isOverAt(WINDOW.end())).isTrue();
    }

    @Test
    void yesterdays_digest_is_due_from_the_digest_hour_on_and_before_it_the_day_before_yesterdays() {
        Instant sixAm = at(DAY.plusDays(1), 6, 59);
        Instant sevenAm = at(DAY.plusDays(1), 7, 0);

        assertThat(Window.dueAt(sevenAm, CHICAGO, 7)).isEqualTo(WINDOW);
        assertThat(Window.dueAt(at(DAY.plusDays(1), 23, 59), CHICAGO, 7)).isEqualTo(WINDOW);
        assertThat(Window.dueAt(sixAm, CHICAGO, 7)).isEqualTo(new Window(DAY.minusDays(1), CHICAGO));
        // The same instant is another local day elsewhere: 13:00 UTC is already 2 am the next day in Auckland.
        Instant utcAfternoon = Instant.parse("2026-12-02T13:00:00Z");
        assertThat(Window.dueAt(utcAfternoon, ZoneOffset.UTC, 7).day()).isEqualTo(DAY);
        assertThat(Window.dueAt(utcAfternoon, ZoneId.of("Pacific/Auckland"), 7).day()).isEqualTo(DAY);
        assertThat(Window.dueAt(Instant.parse("2026-12-02T18:00:00Z"), ZoneId.of("Pacific/Auckland"), 7).day()).isEqualTo(DAY.plusDays(1));
    }

    @Test
    void the_digest_hour_is_an_hour_of_the_day() {
        assertThat(DailyDigest.checkHour(0)).isZero();
        assertThat(DailyDigest.checkHour(23)).isEqualTo(23);
        assertThatThrownBy(() -> DailyDigest.checkHour(24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Window.dueAt(Instant.EPOCH, CHICAGO, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_strong_yes_is_news_once_more_than_a_day_has_passed_by_the_end_of_the_day() {
        Instant aDayBeforeTheEnd = WINDOW.end().minus(DailyDigest.KIT_AFTER_YES);

        assertThat(DailyDigest.of(WINDOW, List.of(), List.of(), List.of(new OpenLetter(MARIANA, STRONG_YES, aDayBeforeTheEnd, null))).isEmpty())
                .isTrue();
        assertThat(lines(DailyDigest.of(WINDOW, List.of(), List.of(),
                List.of(new OpenLetter(MARIANA, STRONG_YES, aDayBeforeTheEnd.minusSeconds(1), null))), Section.KIT_NOT_SENT)).hasSize(1);
    }

    @Test
    void a_letter_due_on_the_day_is_past_its_deadline_when_the_day_ends() {
        assertThat(lines(DailyDigest.of(WINDOW, List.of(), List.of(), List.of(new OpenLetter(CHEN, KIT_SENT, local(1, 0), DAY))),
                Section.PAST_DEADLINE)).containsExactly(
                "Chen Wei, letter from Dr. Luis Ortega: the deadline of 1 Dec 2026 has passed and no letter has arrived (kit sent)");
    }

    @Test
    void each_letter_appears_once_per_section_and_the_lines_go_in_the_order_things_happened() {
        DailyDigest digest = DailyDigest.of(WINDOW,
                List.of(new StateChange(AMARA, KIT_SENT, DECLINED, DECLINED, null, local(15, 0)),
                        new StateChange(AMARA, KIT_SENT, DECLINED, DECLINED, "Too busy this month", local(16, 0)),
                        new StateChange(RAHUL, KIT_SENT, DECLINED, DECLINED, null, local(9, 0))),
                List.of(new MailNews(CHEN, "ortega@hospital.example", DeliveryEventKind.BOUNCED, local(12, 0)),
                        new MailNews(CHEN, "ORTEGA@hospital.example", DeliveryEventKind.BOUNCED, local(10, 0)),
                        new MailNews(CHEN, "ortega@hospital.example", DeliveryEventKind.COMPLAINED, local(13, 0))),
                List.of(new OpenLetter(CHEN, KIT_SENT, local(1, 0), DAY.minusDays(1)),
                        new OpenLetter(CHEN, KIT_SENT, local(1, 0), DAY.minusDays(1))));

        assertThat(lines(digest, Section.DECLINED)).containsExactly(
                "Rahul Mehta, letter from Dr. Omar Haddad: the writer declined at 09:00 CST",
                "Amara Okafor, letter from Dr. Dana Lee: the writer declined at 16:00 CST (their note: \"Too busy this month\")");
        assertThat(lines(digest, Section.BOUNCED)).singleElement().asString().contains("bounced at 10:00 CST");
        assertThat(lines(digest, Section.COMPLAINED)).hasSize(1);
        assertThat(lines(digest, Section.PAST_DEADLINE)).hasSize(1);
    }

    @Test
    void a_note_with_line_breaks_stays_on_its_line() {
        DailyDigest digest = DailyDigest.of(WINDOW, List.of(new StateChange(AMARA, KIT_SENT, DECLINED, DECLINED, "Sorry,\n\nnot this year.", local(9, 0))),
                List.of(), List.of());

        assertThat(lines(digest, Section.DECLINED)).singleElement().asString().endsWith("(their note: \"Sorry, not this year.\")");
    }

    @Test
    void mail_about_no_letter_is_named_by_its_address() {
        DailyDigest digest = DailyDigest.of(WINDOW, List.of(),
                List.of(new MailNews(null, "amara@student.example", DeliveryEventKind.BOUNCED, local(9, 0))), List.of());

        assertThat(lines(digest, Section.BOUNCED)).containsExactly(
                "The email to amara@student.example bounced at 09:00 CST: the address needs correcting");
    }

    private static List<String> lines(DailyDigest digest, Section section) {
        return digest.parts().stream().filter(p -> p.section() == section)
                .flatMap(p -> p.items().stream()).map(DailyDigest.Item::line).toList();
    }
}
