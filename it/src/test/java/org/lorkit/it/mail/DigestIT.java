package org.lorkit.it.mail;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.NewLetterRequest;
import org.lorkit.application.outbox.DeliveryProblems;
import org.lorkit.application.reminder.DigestService;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.provisioning.ProvisioningService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.outbox.DeliveryEventKind;
import org.lorkit.domain.shared.Dates;
import org.lorkit.infrastructure.tenancy.CurrentAgency;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.MailStates;
import org.lorkit.it.support.Sql;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily digest to the agency's staff: the clock moves over a day in which one letter of each kind falls through;
 * each staff member gets one digest, naming them, listing every one; a day with nothing to say sends nothing.
 */
class DigestIT extends InsideLorKit {
    /** The fixtures' agencies keep time in Chicago. */
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");

    @Inject
    Clocks clocks;
    @Inject
    KitService kits;
    @Inject
    LetterRequestService letters;
    @Inject
    OutboxSender sender;
    @Inject
    DigestService digests;
    @Inject
    DeliveryProblems problems;
    @Inject
    ProvisioningService provisioning;
    @Inject
    MailStates mailStates;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    @AfterEach
    void realTime() {
        clocks.reset();
    }

    @Test
    void each_staff_member_gets_one_digest_naming_them_with_every_letter_that_fell_through() throws Exception {
        long agency = fixtures.agency().id();
        String ngozi = Fixtures.unique("ngozi") + "@agency.example";
        String tomas = Fixtures.unique("tomas") + "@agency.example";
        as.admin(agency, () -> provisioning.inviteStaff(ngozi, "Ngozi", "Adeyemi"));
        as.admin(agency, () -> provisioning.inviteStaff(tomas, "Tomas", "Varga"));

        StudentView student = as.staff(agency, () -> fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT));
        // Weeks before the day: a strong yes whose kit never went out, and four kits sent (deadlines 24 days out).
        long strongYes = request(agency, student, LetterState.STRONG_YES);
        long declining = request(agency, student, LetterState.ASKED);
        long[] kitsSent = new long[4];
        for (int i = 0; i < kitsSent.length; i++) {
            AttendingView attending = as.staff(agency, () -> fixtures.attending("Internal Medicine"));
            RotationView rotation = as.staff(agency, () -> fixtures.rotation(student, attending, 24));
            kitsSent[i] = fixtures.readyKit(agency, student, attending, rotation);
            long id = kitsSent[i];
            as.ownerStudent(agency, () -> kits.send(id));
        }
        sender.sendDue();

        clocks.advance(Duration.ofDays(26)); // every kit is past its deadline now
        LocalDate day = LocalDate.ofInstant(clocks.now(), ZONE);
        as.staff(agency, () -> letters.moveTo(declining, LetterState.DECLINED, null));
        CurrentAgency.runAs(agency, () -> problems.record(kitRow(kitsSent[0]), DeliveryEventKind.BOUNCED,
                "550 5.1.1 user unknown", "digest-test:bounce"));
        CurrentAgency.runAs(agency, () -> problems.record(kitRow(kitsSent[1]), DeliveryEventKind.COMPLAINED,
                "a complaint (abuse)", "digest-test:complaint"));
        mailStates.walk(agency, kitsSent[2], clocks.now(), LetterState.REMINDED_1, LetterState.REMINDED_2, LetterState.NOT_COMING);

        clocks.advance(Duration.ofDays(1)); // the day is over in Chicago
        as.staff(agency, () -> digests.queueDigests(day));
        assertThat(as.staff(agency, () -> digests.queueDigests(day))).as("made once").isZero();
        sender.sendDue();

        String subject = "Daily digest for " + Dates.day(day);
        for (String[] person : List.of(new String[]{ngozi, "Ngozi Adeyemi"}, new String[]{tomas, "Tomas Varga"})) {
            List<Inbox.Mail> digestsReceived = awaitDigests(person[0], subject);
            assertThat(digestsReceived).as("digests to " + person[0]).hasSize(1);
            String text = digestsReceived.get(0).text();
            assertThat(text).contains("Good morning, " + person[1], "Letters not coming", "Letters declined", "Mail that bounced",
                    "Mail reported as spam", "Strong yes, but the kit has not gone out", "Letters past their deadline",
                    student.fullName(), "Dr. Anjali Patel");
        }
        assertThat(strongYes).isPositive();
    }

    @Test
    void a_day_without_events_sends_nothing() throws Exception {
        long agency = fixtures.agency().id();
        String only = Fixtures.unique("quiet") + "@agency.example";
        as.admin(agency, () -> provisioning.inviteStaff(only, "Quiet", "Day"));
        LocalDate yesterday = LocalDate.now(ZONE).minusDays(1);

        assertThat(as.staff(agency, () -> digests.queueDigests(yesterday))).isZero();
        assertThat(Sql.number(dataSource, "SELECT COUNT(*) FROM outbox_email WHERE agency_id = ? AND kind = 'DIGEST'", agency)).isZero();
    }

    /** A request of the student's to a new attending, moved as far as {@code state} (ASKED or STRONG_YES). */
    private long request(long agency, StudentView student, LetterState state) {
        return as.staff(agency, () -> {
            AttendingView attending = fixtures.attending("Internal Medicine");
            RotationView rotation = fixtures.rotation(student, attending, 24);
            long id = letters.plan(new NewLetterRequest(student.id(), attending.id(), rotation.id(), null)).id();
            letters.moveTo(id, LetterState.ASKED, null);
            if (state == LetterState.STRONG_YES) {
                letters.moveTo(id, LetterState.STRONG_YES, "\"happy to\"");
            }
            return id;
        });
    }

    /** The digests of that day in the address's inbox (an invitation from Keycloak is there too). */
    private static List<Inbox.Mail> awaitDigests(String address, String subject) throws Exception {
        java.time.Instant until = java.time.Instant.now().plusSeconds(20);
        List<Inbox.Mail> found = List.of();
        while (found.isEmpty() && java.time.Instant.now().isBefore(until)) {
            found = Inbox.read(address).stream().filter(m -> m.subject() != null && m.subject().startsWith(subject)).toList();
            if (found.isEmpty()) {
                Thread.sleep(250);
            }
        }
        Thread.sleep(500);
        return Inbox.read(address).stream().filter(m -> m.subject() != null && m.subject().startsWith(subject)).toList();
    }

    private long kitRow(long requestId) {
        return Sql.number(dataSource, "SELECT id FROM outbox_email WHERE letter_request_id = ? AND kind = 'KIT'", requestId);
    }
}
