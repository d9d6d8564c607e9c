package org.lorkit.it.mail;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.domain.letter.MailProblem;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.Sql;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's immediate answers, read by their enhanced status code. LorKit sends through a relay of the test's own
 * (SubEthaSMTP on port 2626) that refuses one recipient with the code under test and passes every other mail on to
 * GreenMail, so the rest of the server's mail is untouched.
 */
class RelayReplyIT extends InsideLorKit {
    private static final int RELAY_PORT = 2626;

    @Inject
    OutboxSender sender;
    @Inject
    LetterRequestService letters;
    @Inject
    org.lorkit.application.outbox.MailHealth mailHealth;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    /**
     * What the relay answers to the RCPT of every attending the fixtures make (patel-...@hospital.example), set before
     * the test's kits are queued: the server's own outbox timer may send them before the test's sendDue does.
     */
    private volatile RejectException refusal;
    private SMTPServer relay;
    private String portBefore;

    @BeforeEach
    void sendThroughARelayThatRefuses() {
        relay = SMTPServer.port(RELAY_PORT).hostName("127.0.0.1").messageHandlerFactory(this::handler).build();
        relay.start();
        portBefore = System.getProperty("lorkit.smtp.port");
        System.setProperty("lorkit.smtp.port", String.valueOf(RELAY_PORT)); // read by every new SMTP session
    }

    @AfterEach
    void backToTheMailServer() {
        if (portBefore == null) {
            System.clearProperty("lorkit.smtp.port");
        } else {
            System.setProperty("lorkit.smtp.port", portBefore);
        }
        relay.stop();
    }

    @Test
    void a_bad_mailbox_5_1_1_is_a_bounce() throws Exception {
        Kit kit = kitRefusedWith(550, "5.1.1 <x>: Recipient address rejected: User unknown in virtual mailbox table");
        assertThat(row(kit)).isEqualTo("BOUNCED after 1");
        assertThat(problem(kit)).isEqualTo(MailProblem.BOUNCED);
        assertThat(count("SELECT COUNT(*) FROM outbox_email WHERE letter_request_id = ? AND kind = 'BOUNCED'", kit.requestId()))
                .as("the student is told").isEqualTo(1);
    }

    @Test
    void a_full_mailbox_5_2_2_is_a_bounce() throws Exception {
        Kit kit = kitRefusedWith(552, "5.2.2 <x>: Mailbox full");
        assertThat(row(kit)).isEqualTo("BOUNCED after 1");
        assertThat(problem(kit)).isEqualTo(MailProblem.BOUNCED);
    }

    @Test
    void a_policy_refusal_5_7_1_holds_the_mail_and_alerts_the_admins_once_without_a_bounce() throws Exception {
        refusal = new RejectException(554, "5.7.1 <attending>: Relay access denied");
        List<Kit> kits = kitsQueued(fixtures.agency().id(), 2);
        sender.sendDue();
        for (Kit kit : kits) {
            assertThat(row(kit)).as("waiting, no attempt counted").isEqualTo("PENDING after 0");
            assertThat(problem(kit)).isNull();
            assertThat(count("SELECT COUNT(*) FROM outbox_email WHERE letter_request_id = ? AND kind = 'BOUNCED'", kit.requestId())).isZero();
        }
        assertThat(alerts(kits.get(0).agency(), "MAIL_HELD")).as("one alert for both refusals of the day").isEqualTo(1);
        // The alert goes through the same relay: the staff overview says it too.
        org.lorkit.application.outbox.MailHealth.HeldMail held = as.staff(kits.get(0).agency(), () -> mailHealth.heldMail());
        assertThat(held.waiting()).isEqualTo(2);
        assertThat(held.latestReply()).contains("5.7.1");
    }

    @Test
    void a_temporary_failure_4_3_0_is_retried_later() throws Exception {
        Kit kit = kitRefusedWith(451, "4.3.0 Try again later");
        assertThat(row(kit)).isEqualTo("PENDING after 1");
        assertThat(problem(kit)).isNull();
        assertThat(Sql.text(dataSource, "SELECT due_at > CURRENT_TIMESTAMP FROM outbox_email WHERE id = ?", kit.outboxId()))
                .as("due again later").isEqualToIgnoringCase("true");
    }

    @Test
    void an_email_that_fails_until_its_retries_run_out_shows_on_the_letter_and_alerts_the_admins_once() throws Exception {
        refusal = new RejectException(451, "4.3.0 Try again later");
        Kit kit = kitQueued(fixtures.agency().id());
        // Nine attempts behind it (the server's timer may have made the first): the next one is the last.
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("UPDATE outbox_email SET attempts = 9, due_at = CURRENT_TIMESTAMP - INTERVAL '1' MINUTE WHERE id = ?")) {
            s.setLong(1, kit.outboxId());
            s.executeUpdate();
        }
        sender.sendDue();
        assertThat(row(kit)).isEqualTo("FAILED after 10");
        assertThat(problem(kit)).isEqualTo(MailProblem.UNDELIVERED);
        assertThat(as.ownerStudent(kit.agency(), () -> letters.history(kit.requestId())))
                .anyMatch(e -> e.reason() != null && e.reason().contains("could not be delivered") && e.reason().contains("after 10 attempts")
                        && e.reason().contains("4.3.0"));
        assertThat(alerts(kit.agency(), "MAIL_GAVE_UP")).isEqualTo(1);
    }

    // --- the relay

    private MessageHandler handler(MessageContext context) {
        return new MessageHandler() {
            private String from;
            private final List<String> to = new ArrayList<>();

            @Override
            public void from(String address) {
                from = address;
            }

            @Override
            public void recipient(String address) throws RejectException {
                RejectException answer = refusal;
                if (answer != null && address.toLowerCase().startsWith("patel-")) {
                    throw answer;
                }
                to.add(address);
            }

            @Override
            public String data(InputStream data) throws java.io.IOException {
                byte[] raw = data.readAllBytes();
                try {
                    forward(from, to, raw);
                } catch (Exception e) {
                    throw new java.io.IOException(e);
                }
                return null;
            }

            @Override
            public void done() {
            }
        };
    }

    /** Passes an accepted mail on to GreenMail unchanged, with its envelope. */
    private static void forward(String from, List<String> to, byte[] raw) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", "2525");
        p.put("mail.smtp.from", from == null || from.isBlank() ? "mailer-daemon@relay.example" : from);
        Session session = Session.getInstance(p);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        List<Address> recipients = new ArrayList<>();
        for (String address : to) {
            recipients.add(new InternetAddress(address));
        }
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, recipients.toArray(Address[]::new));
        }
    }

    // --- helpers

    record Kit(long agency, long requestId, long outboxId, AttendingView attending) {
    }

    private Kit kitRefusedWith(int code, String text) throws Exception {
        refusal = new RejectException(code, text);
        Kit kit = kitQueued(fixtures.agency().id());
        sender.sendDue();
        return kit;
    }

    private Kit kitQueued(long agency) throws Exception {
        return kitsQueued(agency, 1).get(0);
    }

    /** Kits queued in the outbox (the server's own timer may try them first: the relay's answer is set before). */
    private List<Kit> kitsQueued(long agency, int count) throws Exception {
        Fixtures.SentKits sent = fixtures.sentKits(agency, count);
        List<Kit> kits = new ArrayList<>();
        for (AttendingView attending : sent.attendings()) {
            long[] ids = Sql.numbers(dataSource, "SELECT id, letter_request_id FROM outbox_email WHERE to_address = ? AND kind = 'KIT'",
                    attending.email());
            kits.add(new Kit(agency, ids[1], ids[0], attending));
        }
        return kits;
    }

    private MailProblem problem(Kit kit) {
        return as.ownerStudent(kit.agency(), () -> letters.find(kit.requestId())).orElseThrow().mailProblem();
    }

    private String row(Kit kit) {
        return Sql.text(dataSource, "SELECT status, attempts FROM outbox_email WHERE id = ?", kit.outboxId());
    }

    private long alerts(long agency, String kind) {
        return Sql.number(dataSource, "SELECT COUNT(*) FROM outbox_email WHERE agency_id = ? AND kind = ?", agency, kind);
    }

    private long count(String sql, long parameter) {
        return Sql.number(dataSource, sql, parameter);
    }
}
