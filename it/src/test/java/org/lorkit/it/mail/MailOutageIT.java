package org.lorkit.it.mail;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.MailServer;
import org.lorkit.it.support.SamplePdfs;

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
class MailOutageIT extends InsideLorKit {
    @Inject
    KitService kits;
    @Inject
    OutboxSender sender;
    @Inject
    Clocks clocks;
    @Inject
    org.lorkit.application.outbox.OutboxDelivery delivery;
    @Inject
    org.lorkit.application.outbox.DeliveryProblems problems;
    @Inject
    org.lorkit.application.reminder.ReminderScheduler reminders;
    @Inject
    org.lorkit.application.attending.AttendingService attendings;
    @Inject
    org.lorkit.application.kit.DocumentService documents;
    @Inject
    org.lorkit.application.kit.WorkLogService worklog;
    @Inject
    org.lorkit.application.link.LinkManagementService links;
    @Inject
    org.lorkit.application.letter.LetterRequestService letters;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    @AfterEach
    void mailServerBackAndRealTime() throws Exception {
        clocks.reset();
        MailServer.start();
    }

    /** Runs mail.sh with these arguments after the script; returns its exit code and what it printed. */
    private static Object[] mailScript(String... arguments) throws Exception {
        List<String> call = new java.util.ArrayList<>(List.of("bash", System.getProperty("lorkit.it.mail.script")));
        call.addAll(List.of(arguments));
        Process process = new ProcessBuilder(call).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Object[]{process.waitFor(), output};
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException refused) {
            return false;
        }
    }

    /**
     * The mail server script never lets a restart meet the old server: stop returns once the process has exited and
     * its ports are free, and start refuses a port another process holds instead of reporting that one as "up".
     */
    @Test
    void the_mail_server_script_waits_for_its_ports_on_stop_and_refuses_a_taken_port_on_start() throws Exception {
        java.nio.file.Path elsewhere = java.nio.file.Files.createTempDirectory("lorkit-second-mail");
        Object[] second = mailScript("start", System.getProperty("lorkit.it.mail.jar"), elsewhere.toString());
        assertThat((int) second[0]).as("a second mail server while the first runs: " + second[1]).isNotZero();
        assertThat((String) second[1]).contains("port 2525 is already taken");

        MailServer.stop();
        assertThat(List.of(2525, 3143, 8025)).as("ports still taken right after stop returned").noneMatch(MailOutageIT::listening);
        MailServer.start();
        assertThat(List.of(2525, 3143, 8025)).allMatch(MailOutageIT::listening);
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

        MailServer.stop();
        as.ownerStudent(agency, () -> kits.send(requestId));
        sender.sendDue();
        sender.sendDue();

        assertThat(outboxRow(requestId)).as("the kit waits, one attempt made, the next one later").isEqualTo("PENDING after 1");

        MailServer.start();
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
        // A bounce follows a sending: the kit goes out first (here, or by the server's own sender, whose claim would
        // otherwise still be running when the bounce is recorded, and mark the row sent after it).
        sender.sendDue();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!outboxRow(requestId).equals("SENT after 1") && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        assertThat(outboxRow(requestId)).as("the kit went out once").isEqualTo("SENT after 1");
        int studentMailsBefore = Inbox.read(Identities.OWNER_STUDENT).size();

        // What the sender does when the relay answers 550 for the attending's address (RelayReplyIT sends through one that does).
        org.lorkit.infrastructure.tenancy.CurrentAgency.runAs(agency, () -> problems.record(rowId,
                org.lorkit.domain.outbox.DeliveryEventKind.BOUNCED, "550 5.1.1 Recipient address rejected", "smtp:" + rowId));
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

    /**
     * A student's correction of a bounced address is for their own request: a classmate who asked the same
     * attending still has their kit and reminders sent to the directory's address (a student who could rewrite the
     * directory would receive every other student's kit, with links to answer as the writer).
     */
    @Test
    void a_students_corrected_address_is_for_their_own_request_and_a_classmates_mail_still_goes_to_the_directory() throws Exception {
        long agency = fixtures.agency().id();
        Object[] made = new Object[5];
        as.staff(agency, () -> {
            var cohort = fixtures.cohort();
            StudentView owner = fixtures.student(cohort, Identities.OWNER_STUDENT);
            StudentView classmate = fixtures.student(cohort, Identities.OTHER_STUDENT);
            AttendingView shared = fixtures.attending("Internal Medicine");
            made[0] = owner;
            made[1] = classmate;
            made[2] = shared;
            made[3] = fixtures.rotation(owner, shared, 24);
            made[4] = fixtures.rotation(classmate, shared, 24);
            return null;
        });
        AttendingView shared = (AttendingView) made[2];
        long ownersRequest = fixtures.readyKit(agency, (StudentView) made[0], shared, (RotationView) made[3]);
        RotationView classmatesRotation = (RotationView) made[4];
        long classmatesRequest = as.otherStudent(agency, () -> {
            documents.upload(org.lorkit.domain.document.DocumentKind.CV, "cv.pdf", SamplePdfs.pages(1, "CV"));
            documents.upload(org.lorkit.domain.document.DocumentKind.PERSONAL_STATEMENT, "ps.pdf", SamplePdfs.pages(1, "Statement"));
            worklog.keepBullets(classmatesRotation.id(), List.of("Followed six patients daily", "Presented at morning report",
                    "Wrote daily progress notes", "Followed up on pending results", "Led a family meeting"));
            long id = letters.plan(new org.lorkit.application.letter.NewLetterRequest(((StudentView) made[1]).id(), shared.id(),
                    classmatesRotation.id(), null)).id();
            letters.moveTo(id, org.lorkit.domain.letter.LetterState.ASKED, null);
            letters.moveTo(id, org.lorkit.domain.letter.LetterState.STRONG_YES, "\"happy to\"");
            kits.prepare(id, "14029381", null, fixtures.today().plusDays(24), "INTERNAL_MEDICINE");
            kits.confirmWriterInEras(id, true);
            return id;
        });

        as.ownerStudent(agency, () -> kits.send(ownersRequest));
        long rowId = kitRow(ownersRequest);
        org.lorkit.infrastructure.tenancy.CurrentAgency.runAs(agency, () -> problems.record(rowId,
                org.lorkit.domain.outbox.DeliveryEventKind.BOUNCED, "550 5.1.1 Recipient address rejected", "smtp:" + rowId));
        String typed = Fixtures.unique("typed-by-owner") + "@hospital.example";
        assertThat(as.ownerStudent(agency, () -> links.correctAddressAndResend(ownersRequest, typed))).isTrue();
        sender.sendDue();
        assertThat(Inbox.await(typed, 1, Duration.ofSeconds(20))).extracting(Inbox.Mail::subject)
                .containsExactly("Your link to Amara Okafor's letter kit");
        assertThat(as.staff(agency, () -> attendings.find(shared.id())).orElseThrow().email())
                .as("the directory keeps its address").isEqualTo(shared.email());
        assertThat(as.ownerStudent(agency, () -> letters.history(ownersRequest)))
                .extracting(org.lorkit.application.letter.LetterEventView::reason).anyMatch(r -> r != null && r.contains(typed));

        as.otherStudent(agency, () -> kits.send(classmatesRequest));
        sender.sendDue();
        assertThat(Inbox.await(shared.email(), 1, Duration.ofSeconds(20))).as("the classmate's kit goes to the directory's address")
                .extracting(Inbox.Mail::subject).containsExactly("Letter of recommendation request – Amara Okafor, Internal Medicine October 2026");
        clocks.advance(Duration.ofDays(14));
        reminders.sweepAgency(agency);
        sender.sendDue();
        assertThat(Inbox.await(shared.email(), 2, Duration.ofSeconds(20))).as("and so does the classmate's reminder")
                .extracting(Inbox.Mail::subject).contains("Gentle reminder: letter of recommendation for Amara Okafor");
        assertThat(Inbox.read(typed)).as("the typed address got only the owner's own mail")
                .allSatisfy(mail -> assertThat(mail.message().getReplyTo()).extracting(Object::toString).containsExactly(Identities.OWNER_STUDENT));
    }

    /** Staff correct the directory itself: the change is recorded, and every later mail to that attending follows it. */
    @Test
    void staff_change_the_directory_address_with_the_change_recorded() throws Exception {
        long agency = fixtures.agency().id();
        AttendingView attending = as.staff(agency, () -> fixtures.attending("Internal Medicine"));
        String moved = Fixtures.unique("moved") + "@hospital.example";

        as.staff(agency, () -> attendings.changeEmail(attending.id(), moved.toUpperCase(java.util.Locale.ROOT)));

        assertThat(as.staff(agency, () -> attendings.find(attending.id())).orElseThrow().email()).isEqualTo(moved);
        assertThat(as.staff(agency, () -> attendings.addressChanges(attending.id()))).singleElement().satisfies(change -> {
            assertThat(change.oldEmail()).isEqualTo(attending.email());
            assertThat(change.newEmail()).isEqualTo(moved);
            assertThat(change.changedBy()).isEqualTo("staff@agency.example");
        });
        AttendingView other = as.staff(agency, () -> fixtures.attending("Pediatrics"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> as.staff(agency, () -> attendings.changeEmail(other.id(), moved)))
                .hasMessageContaining("already has " + moved);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> as.ownerStudent(agency, () -> attendings.changeEmail(attending.id(), moved)))
                .isInstanceOf(jakarta.ejb.EJBAccessException.class);
    }

    private long kitRow(long requestId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM outbox_email WHERE letter_request_id = ? AND kind = 'KIT'")) {
            s.setLong(1, requestId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
