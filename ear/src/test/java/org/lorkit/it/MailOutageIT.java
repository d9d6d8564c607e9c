package org.lorkit.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.mail.OutboxSender;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.infrastructure.time.Clocks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMTP server goes away (the test's GreenMail is really stopped): the kit waits in the outbox with
 * its attempt counted and a later retry planned; once the server is back, it goes out exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class MailOutageIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.lorkitWithTests();
    }

    @Inject
    As as;
    @Inject
    Fixtures fixtures;
    @Inject
    KitService kits;
    @Inject
    OutboxSender sender;
    @Inject
    Clocks clocks;
    @Inject
    org.lorkit.application.mail.OutboxDelivery delivery;
    @Inject
    org.lorkit.application.link.AttendingLinkService links;
    @Inject
    org.lorkit.application.letter.LetterRequestService letters;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    @AfterEach
    void mailServerBackAndRealTime() throws Exception {
        clocks.reset();
        mailServer("start");
    }

    private static void mailServer(String command) throws Exception {
        List<String> call = "start".equals(command)
                ? List.of("bash", System.getProperty("lorkit.it.mail.script"), "start", System.getProperty("lorkit.it.mail.jar"),
                System.getProperty("lorkit.it.mail.state"))
                : List.of("bash", System.getProperty("lorkit.it.mail.script"), "stop", System.getProperty("lorkit.it.mail.state"));
        Process process = new ProcessBuilder(call).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor()).as("mail.sh " + command).isZero();
    }

    /** status and attempts of the request's kit email, straight from the table. */
    private String outboxRow(long requestId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT status, attempts FROM outbox_email WHERE letter_request_id = ? AND kind = 'KIT'")) {
            s.setLong(1, requestId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) + " after " + rs.getInt(2) : "none";
            }
        }
    }

    @Test
    void a_kit_sent_while_the_mail_server_is_down_waits_and_goes_out_once_when_it_is_back() throws Exception {
        long agency = fixtures.agency().id();
        Object[] made = new Object[3];
        as.staff(agency, () -> {
            StudentView student = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            AttendingView attending = fixtures.attending("Internal Medicine");
            made[0] = student;
            made[1] = attending;
            made[2] = fixtures.rotation(student, attending, 24);
            return null;
        });
        AttendingView attending = (AttendingView) made[1];
        long requestId = fixtures.readyKit(agency, (StudentView) made[0], attending, (RotationView) made[2]);

        mailServer("stop");
        as.ownerStudent(agency, () -> kits.send(requestId));
        sender.sendDue();
        sender.sendDue();

        assertThat(outboxRow(requestId)).as("the kit waits, one attempt made, the next one later").isEqualTo("PENDING after 1");

        mailServer("start");
        sender.sendDue();
        assertThat(outboxRow(requestId)).as("not before its retry time").isEqualTo("PENDING after 1");

        clocks.advance(Duration.ofMinutes(2));
        sender.sendDue();
        sender.sendDue();
        assertThat(outboxRow(requestId)).isEqualTo("SENT after 2");
        assertThat(Inbox.await(attending.email(), 1, Duration.ofSeconds(20))).hasSize(1);
        Thread.sleep(1000);
        assertThat(Inbox.read(attending.email())).as("exactly once").hasSize(1);
    }

    @Test
    void smtp_5xx_is_a_bounce_and_anything_else_is_worth_another_try() {
        assertThat(org.lorkit.infrastructure.mail.SmtpMailer.isPermanent(
                new jakarta.mail.MessagingException("550 5.1.1 <dr.who@hospital.example>: Recipient address rejected"))).isTrue();
        assertThat(org.lorkit.infrastructure.mail.SmtpMailer.isPermanent(
                new jakarta.mail.MessagingException("451 4.3.0 Try again later"))).isFalse();
        assertThat(org.lorkit.infrastructure.mail.SmtpMailer.isPermanent(
                new jakarta.mail.MessagingException("Couldn't connect to host", new java.net.ConnectException("refused")))).isFalse();
    }

    @Test
    void a_bounced_kit_tells_the_student_and_fresh_links_replace_the_old_ones() throws Exception {
        long agency = fixtures.agency().id();
        Object[] made = new Object[3];
        as.staff(agency, () -> {
            StudentView student = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            AttendingView attending = fixtures.attending("Internal Medicine");
            made[0] = student;
            made[1] = attending;
            made[2] = fixtures.rotation(student, attending, 24);
            return null;
        });
        AttendingView attending = (AttendingView) made[1];
        long requestId = fixtures.readyKit(agency, (StudentView) made[0], attending, (RotationView) made[2]);
        as.ownerStudent(agency, () -> kits.send(requestId));
        long rowId;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM outbox_email WHERE letter_request_id = ? AND kind = 'KIT'")) {
            s.setLong(1, requestId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                rowId = rs.getLong(1);
            }
        }
        int studentMailsBefore = Inbox.read(Identities.OWNER_STUDENT).size();

        // What the sender does when the relay answers 550 for the attending's address.
        org.lorkit.infrastructure.tenancy.CurrentAgency.runAs(agency, () -> delivery.bounced(rowId, "550 5.1.1 Recipient address rejected"));
        sender.sendDue();

        assertThat(outboxRow(requestId)).isEqualTo("BOUNCED after 1");
        assertThat(as.ownerStudent(agency, () -> letters.find(requestId)).orElseThrow().emailBounced()).isTrue();
        assertThat(Inbox.await(Identities.OWNER_STUDENT, studentMailsBefore + 1, Duration.ofSeconds(20)))
                .extracting(Inbox.Mail::subject).contains("The kit email to " + attending.fullName() + " bounced");

        String corrected = Fixtures.unique("corrected") + "@hospital.example";
        assertThat(as.ownerStudent(agency, () -> links.correctAddressAndResend(requestId, corrected))).isTrue();
        sender.sendDue();
        assertThat(as.ownerStudent(agency, () -> letters.find(requestId)).orElseThrow().emailBounced()).isFalse();
        List<Inbox.Mail> received = Inbox.await(corrected, 1, Duration.ofSeconds(20));
        assertThat(received).extracting(Inbox.Mail::subject).containsExactly("Your link to Amara Okafor's letter kit");
        assertThat(received.get(0).text()).contains("earlier links no longer work", "/a/kit.xhtml?t=", "/a/confirm.xhtml?t=");
    }
}
