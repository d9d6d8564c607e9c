package org.lorkit.it.mail;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.letter.LetterEventView;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.outbox.BounceReader;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.domain.outbox.OutboxTag;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.Sql;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounce reports that come back later, as a relay sends them: every kit goes out with a return path naming its outbox
 * row (bounces+tag@lorkit.local); a report written as Postfix or Exchange would write it is delivered to the bounce
 * mailbox (the test's GreenMail, user bounces@lorkit.local, which the server reads over IMAP), and one run of the
 * bounce reader acts on it through the same path as a refusal at once.
 */
class BounceReportIT extends InsideLorKit {
    /** The server's bounce mailbox (ear/pom.xml: lorkit.bounce.imap.username). */
    static final String MAILBOX = "bounces@lorkit.local";
    static final String AGENCY_REPLY_TO = "staff@agency.example";

    @Inject
    OutboxSender sender;
    @Inject
    BounceReader reader;
    @Inject
    LetterRequestService letters;
    @Inject
    org.lorkit.application.link.LinkManagementService links;
    @Inject
    org.lorkit.application.attending.AttendingService attendings;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    /** A kit that went out: its request, its outbox row, the attending and the mail as received. */
    record SentKit(long agency, long requestId, long outboxId, AttendingView attending, Inbox.Mail mail) {
        String returnPath() {
            return OutboxTag.of("lorkit-bounce-dev-secret").returnPath(outboxId, "lorkit.local");
        }
    }

    @Test
    void a_kit_goes_out_with_a_return_path_that_names_its_outbox_row() throws Exception {
        SentKit kit = sentKits(1).get(0);
        assertThat(kit.mail().message().getHeader("Return-Path")).as("the envelope sender GreenMail recorded")
                .containsExactly("<" + kit.returnPath() + ">");
        assertThat(kit.returnPath()).matches("bounces\\+" + kit.outboxId() + "\\.[a-z0-9]+@lorkit\\.local");
        assertThat(kit.mail().message().getMessageID()).startsWith("<outbox-" + kit.outboxId() + ".");
        assertThat(kit.mail().message().getFrom()[0].toString()).contains("letters@lorkit.local");
    }

    @Test
    void a_postfix_bounce_report_marks_the_request_bounced_and_tells_the_student_and_the_agency() throws Exception {
        SentKit kit = sentKits(1).get(0);
        int studentBefore = Inbox.read(Identities.OWNER_STUDENT).size();
        int agencyBefore = Inbox.read(AGENCY_REPLY_TO).size();

        deliver("postfix-bounce.eml", kit.returnPath(), kit);
        BounceReader.Run run = reader.readMailbox();

        assertThat(run.actedOn()).isEqualTo(1);
        assertThat(outboxStatus(kit.outboxId())).isEqualTo("BOUNCED");
        assertThat(as.ownerStudent(kit.agency(), () -> letters.find(kit.requestId())).orElseThrow().emailBounced()).isTrue();
        assertThat(history(kit)).anyMatch(reason -> reason.contains("bounced") && reason.contains("5.1.1"));
        sender.sendDue();
        assertThat(Inbox.await(Identities.OWNER_STUDENT, studentBefore + 1, Duration.ofSeconds(20))).extracting(Inbox.Mail::subject)
                .contains("The kit email to " + kit.attending().fullName() + " bounced");
        assertThat(Inbox.await(AGENCY_REPLY_TO, agencyBefore + 1, Duration.ofSeconds(20)).size()).isGreaterThan(agencyBefore);
        assertThat(reader.readMailbox().read()).as("the report was moved out of the folder").isZero();
    }

    @Test
    void an_exchange_report_marks_the_request_bounced_too() throws Exception {
        SentKit kit = sentKits(1).get(0);
        deliver("exchange-bounce.eml", kit.returnPath(), kit);

        assertThat(reader.readMailbox().actedOn()).isEqualTo(1);
        assertThat(outboxStatus(kit.outboxId())).isEqualTo("BOUNCED");
        assertThat(as.ownerStudent(kit.agency(), () -> letters.find(kit.requestId())).orElseThrow().emailBounced()).isTrue();
        assertThat(history(kit)).anyMatch(reason -> reason.contains("bounced") && reason.contains("5.1.10"));
    }

    /**
     * A writer's reply to the kit goes to the student and carries the kit's Message-ID (In-Reply-To). A "bounce" the
     * student writes with it, sent to the bounce mailbox's plain address, must not mark the letter bounced: that would
     * let the student send the writer's links to an address of their own.
     */
    @Test
    void a_report_that_names_the_mail_by_its_message_id_only_is_not_acted_on() throws Exception {
        SentKit kit = sentKits(1).get(0);
        deliver("postfix-bounce.eml", MAILBOX, kit);

        BounceReader.Run run = reader.readMailbox();
        assertThat(run.read()).isEqualTo(1);
        assertThat(run.actedOn()).isZero();
        assertThat(outboxStatus(kit.outboxId())).isEqualTo("SENT");
        assertThat(as.ownerStudent(kit.agency(), () -> letters.find(kit.requestId())).orElseThrow().mailProblem()).isNull();
    }

    /** A report that comes after the student corrected the address is about the old one: history, not a new bounce. */
    @Test
    void a_late_report_about_an_address_since_corrected_only_goes_into_the_history() throws Exception {
        SentKit kit = sentKits(1).get(0);
        deliver("postfix-bounce.eml", kit.returnPath(), kit);
        assertThat(reader.readMailbox().actedOn()).isEqualTo(1);
        String corrected = Fixtures.unique("corrected") + "@hospital.example";
        as.ownerStudent(kit.agency(), () -> links.correctAddressAndResend(kit.requestId(), corrected));
        sender.sendDue();

        deliver("postfix-bounce.eml", kit.returnPath(), kit); // a second, later report about the first kit
        assertThat(reader.readMailbox().actedOn()).isEqualTo(1);
        assertThat(as.ownerStudent(kit.agency(), () -> letters.find(kit.requestId())).orElseThrow().mailProblem()).isNull();
        assertThat(count("SELECT COUNT(*) FROM outbox_email WHERE letter_request_id = ? AND kind = 'BOUNCED'", kit.requestId()))
                .as("the student was told once").isEqualTo(1);
        assertThat(history(kit)).anyMatch(reason -> reason.contains("no longer uses"));
    }

    @Test
    void a_delayed_notice_changes_nothing_but_the_history() throws Exception {
        SentKit kit = sentKits(1).get(0);
        deliver("postfix-delayed.eml", kit.returnPath(), kit);

        assertThat(reader.readMailbox().actedOn()).isEqualTo(1);
        assertThat(outboxStatus(kit.outboxId())).isEqualTo("SENT");
        assertThat(as.ownerStudent(kit.agency(), () -> letters.find(kit.requestId())).orElseThrow().emailBounced()).isFalse();
        assertThat(history(kit)).anyMatch(reason -> reason.contains("delayed"));
    }

    @Test
    void a_report_with_a_forged_return_address_is_ignored() throws Exception {
        SentKit kit = sentKits(1).get(0);
        String forged = OutboxTag.of("not-the-server-secret").returnPath(kit.outboxId(), "lorkit.local");
        deliverRaw(template("postfix-bounce.eml", forged, kit.attending().email(), "<forged-" + kit.outboxId() + "@elsewhere.example>"));

        BounceReader.Run run = reader.readMailbox();
        assertThat(run.read()).isEqualTo(1);
        assertThat(run.actedOn()).isZero();
        assertThat(outboxStatus(kit.outboxId())).isEqualTo("SENT");
        assertThat(as.ownerStudent(kit.agency(), () -> letters.find(kit.requestId())).orElseThrow().emailBounced()).isFalse();
    }

    /** Two nodes read the same mailbox at the same moment: every report is acted on once, and tells the student once. */
    @Test
    void two_readers_at_once_act_on_each_report_once() throws Exception {
        List<SentKit> kits = sentKits(4);
        int studentBefore = Inbox.read(Identities.OWNER_STUDENT).size();
        for (SentKit kit : kits) {
            deliver("postfix-bounce.eml", kit.returnPath(), kit);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<BounceReader.Run> read = () -> {
                start.await();
                return reader.readMailbox();
            };
            Future<BounceReader.Run> one = pool.submit(read);
            Future<BounceReader.Run> two = pool.submit(read);
            start.countDown();
            assertThat(one.get().actedOn() + two.get().actedOn()).isEqualTo(kits.size());
        } finally {
            pool.shutdownNow();
        }
        for (SentKit kit : kits) {
            assertThat(count("SELECT COUNT(*) FROM delivery_event WHERE outbox_email_id = ? AND kind = 'BOUNCED'", kit.outboxId()))
                    .as("bounce events of " + kit.outboxId()).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM outbox_email WHERE letter_request_id = ? AND kind = 'BOUNCED'", kit.requestId()))
                    .as("emails to the student about " + kit.requestId()).isEqualTo(1);
        }
        sender.sendDue();
        Thread.sleep(1000);
        assertThat(Inbox.await(Identities.OWNER_STUDENT, studentBefore + kits.size(), Duration.ofSeconds(20))).hasSize(studentBefore + kits.size());
    }

    @Test
    void a_complaint_stops_mail_to_the_address_until_staff_allow_it_again() throws Exception {
        SentKit kit = sentKits(1).get(0);
        deliver("arf-complaint.eml", kit.returnPath(), kit);

        assertThat(reader.readMailbox().actedOn()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM suppressed_address WHERE address = ? AND cleared_at IS NULL", kit.attending().email()))
                .isEqualTo(1);
        assertThat(as.ownerStudent(kit.agency(), () -> letters.find(kit.requestId())).orElseThrow().mailProblem())
                .isEqualTo(org.lorkit.domain.letter.MailProblem.COMPLAINED);
        assertThat(history(kit)).anyMatch(reason -> reason.contains("spam"));

        // Nothing more goes to the address, whoever asks, until staff allow it again.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> as.ownerStudent(kit.agency(), () -> links.resendLinks(kit.requestId())))
                .hasMessageContaining("spam");
        long suppression = as.staff(kit.agency(), () -> attendings.suppressedAddresses()).stream()
                .filter(s -> s.address().equals(kit.attending().email())).findFirst().orElseThrow().id();
        as.staff(kit.agency(), () -> attendings.allowMailAgain(suppression));
        assertThat(as.ownerStudent(kit.agency(), () -> letters.find(kit.requestId())).orElseThrow().mailProblem()).isNull();
        assertThat(as.ownerStudent(kit.agency(), () -> links.resendLinks(kit.requestId()))).isTrue();
        sender.sendDue();
        assertThat(Inbox.await(kit.attending().email(), 2, Duration.ofSeconds(20))).extracting(Inbox.Mail::subject)
                .contains("Your link to Amara Okafor's letter kit");
    }

    // --- helpers

    private List<SentKit> sentKits(int count) throws Exception {
        Fixtures.SentKits sent = fixtures.sentKits(count);
        fixtures.kitLinks(sent.attendings(), Duration.ofSeconds(20));
        List<SentKit> kits = new ArrayList<>();
        for (AttendingView attending : sent.attendings()) {
            long[] ids = Sql.numbers(dataSource, "SELECT id, letter_request_id FROM outbox_email WHERE to_address = ? AND kind = 'KIT'",
                    attending.email());
            kits.add(new SentKit(sent.agency(), ids[1], ids[0], attending, Inbox.read(attending.email()).get(0)));
        }
        return kits;
    }

    private List<String> history(SentKit kit) {
        return as.ownerStudent(kit.agency(), () -> letters.history(kit.requestId())).stream().map(LetterEventView::reason).filter(java.util.Objects::nonNull).toList();
    }

    /** A report from the test resources (reports/*.eml), its placeholders filled in for this kit, sent to the mailbox. */
    private static void deliver(String sample, String addressedTo, SentKit kit) throws Exception {
        deliverRaw(template(sample, addressedTo, kit.attending().email(), kit.mail().message().getMessageID()));
    }

    static String template(String sample, String verp, String recipient, String messageId) throws Exception {
        try (InputStream in = BounceReportIT.class.getClassLoader().getResourceAsStream("reports/" + sample)) {
            assertThat(in).as(sample).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : Map.of("${verp}", verp, "${recipient}", recipient, "${messageId}", messageId).entrySet()) {
                text = text.replace(value.getKey(), value.getValue());
            }
            // Each delivery is a report of its own, as each bounce a relay writes has its own Message-ID.
            text = java.util.regex.Pattern.compile("(?mi)^(Message-ID:\\s*<)[^>@]+@").matcher(text)
                    .replaceFirst("$1report-" + java.util.UUID.randomUUID() + "@");
            return text.replace("\r\n", "\n").replace("\n", "\r\n");
        }
    }

    /** Over SMTP to GreenMail, as the relay would deliver it: the message as written, envelope sender empty-ish. */
    static void deliverRaw(String raw) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", "2525");
        p.put("mail.smtp.from", "mailer-daemon@relay.example");
        Session session = Session.getInstance(p);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        int before = Inbox.read(MAILBOX).size();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new Address[]{new InternetAddress(MAILBOX)}); // no saveChanges: headers stay as written
        }
        // GreenMail files a mail in the mailbox a moment after it accepted it: the readers must find it there.
        assertThat(Inbox.await(MAILBOX, before + 1, Duration.ofSeconds(10))).as("the report in the bounce mailbox").hasSize(before + 1);
    }

    private String outboxStatus(long id) {
        return Sql.text(dataSource, "SELECT status FROM outbox_email WHERE id = ?", id);
    }

    private long count(String sql, Object parameter) {
        return Sql.number(dataSource, sql, parameter);
    }
}
