package org.lorkit.application.mail;

import org.junit.jupiter.api.Test;
import org.lorkit.application.agency.StaffDirectory.StaffMember;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.outbox.DailyDigest;
import org.lorkit.domain.outbox.DailyDigest.Letter;
import org.lorkit.domain.outbox.DailyDigest.MailNews;
import org.lorkit.domain.outbox.DailyDigest.OpenLetter;
import org.lorkit.domain.outbox.DailyDigest.StateChange;
import org.lorkit.domain.outbox.DailyDigest.Window;
import org.lorkit.domain.outbox.DeliveryEventKind;
import org.lorkit.infrastructure.mail.MailTemplates;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DigestMailTest {
    private static final Window TUESDAY = new Window(LocalDate.of(2026, 12, 1), ZoneId.of("America/Chicago"));
    private static final StaffMember DANA = new StaffMember("u-dana", "dana@bridgeway.example", "Dana Whitfield", false);

    private static MailTemplates templates() throws Exception {
        MailTemplates templates = new MailTemplates();
        Method configure = MailTemplates.class.getDeclaredMethod("configure");
        configure.setAccessible(true);
        configure.invoke(templates);
        return templates;
    }

    private static Map<String, Object> model(DailyDigest digest) {
        // What LetterMails.enqueueForStaff adds to the model.
        Map<String, Object> model = new HashMap<>(DigestMail.model(digest, DANA));
        model.put("agencyName", "Bridgeway Rotations");
        model.put("baseUrl", "https://lorkit.example");
        return model;
    }

    @Test
    void the_digest_greets_its_reader_and_lists_each_section_with_its_lines() throws Exception {
        Letter letter = new Letter(7, "Amara Okafor", "Dr. Dana Lee");
        DailyDigest digest = DailyDigest.of(TUESDAY,
                List.of(new StateChange(letter, LetterState.KIT_SENT, LetterState.DECLINED, LetterState.DECLINED, null,
                        Instant.parse("2026-12-01T17:00:00Z"))),
                List.of(new MailNews(letter, "lee@hospital.example", DeliveryEventKind.BOUNCED, Instant.parse("2026-12-01T16:00:00Z"))),
                List.of());
        MailTemplates templates = templates();

        String subject = templates.render("digest.subject.ftl", model(digest)).strip();
        String body = templates.render("digest.txt.ftl", model(digest));

        assertThat(subject).isEqualTo("Daily digest for 1 Dec 2026: 2 items to look at");
        assertThat(body).startsWith("Good morning, Dana Whitfield.\n")
                .contains("Here is what happened at Bridgeway Rotations on Tuesday, 1 Dec 2026, and what is still waiting.")
                .contains("Letters declined (1)\n- Amara Okafor, letter from Dr. Dana Lee: the writer declined at 11:00 CST\n")
                .contains("Mail that bounced (1)\n- Amara Okafor, letter from Dr. Dana Lee: the email to lee@hospital.example bounced at 10:00 CST")
                .contains("https://lorkit.example/agency/dashboard.xhtml")
                .contains("https://lorkit.example/agency/my-settings.xhtml");
        assertThat(body.indexOf("Letters declined")).isLessThan(body.indexOf("Mail that bounced"));
    }

    @Test
    void one_item_is_one_item() throws Exception {
        DailyDigest digest = DailyDigest.of(TUESDAY, List.of(),
                List.of(new MailNews(null, "amara@student.example", DeliveryEventKind.COMPLAINED, Instant.parse("2026-12-01T16:00:00Z"))),
                List.of());

        assertThat(templates().render("digest.subject.ftl", model(digest)).strip()).isEqualTo("Daily digest for 1 Dec 2026: 1 item to look at");
    }

    @Test
    void a_long_section_shows_its_first_lines_and_sends_the_reader_to_the_dashboard_for_the_rest() throws Exception {
        List<OpenLetter> overdue = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            overdue.add(new OpenLetter(new Letter(i, "Student " + "x".repeat(190) + i, "Dr. " + "y".repeat(190)), LetterState.REMINDED_2,
                    Instant.parse("2026-10-01T12:00:00Z"), LocalDate.of(2026, 11, 1)));
        }
        List<StateChange> declines = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            declines.add(new StateChange(new Letter(1000 + i, "Student " + "x".repeat(190), "Dr. " + "y".repeat(190)), LetterState.KIT_SENT,
                    LetterState.DECLINED, LetterState.DECLINED, "z".repeat(1000), Instant.parse("2026-12-01T17:00:00Z")));
        }
        DailyDigest digest = DailyDigest.of(TUESDAY, declines, List.of(), overdue);

        String body = templates().render("digest.txt.ftl", model(digest));

        assertThat(body).contains("Letters past their deadline (400)").contains("... and 390 more: see the dashboard")
                .contains("Letters declined (400)");
        assertThat(body.lines().filter(line -> line.startsWith("- "))).hasSize(2 * DigestMail.LINES_PER_SECTION)
                .allMatch(line -> line.length() <= DigestMail.LINE_LENGTH + 2);
        assertThat(body.length()).as("what the outbox keeps of an email").isLessThan(20_000);
    }

    @Test
    void each_day_has_its_own_outbox_scope() {
        assertThat(DigestMail.scope(LocalDate.of(2026, 12, 1))).isEqualTo("digest-2026-12-01");
    }
}
