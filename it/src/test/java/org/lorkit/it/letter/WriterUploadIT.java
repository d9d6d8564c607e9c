package org.lorkit.it.letter;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.dashboard.Standing;
import org.lorkit.application.dashboard.StudentQuery;
import org.lorkit.application.dashboard.StudentStanding;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.letter.LetterEventView;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.Portfolio;
import org.lorkit.application.link.AttendingLinkService;
import org.lorkit.application.link.AttendingLinkService.Answer;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.letter.ErasReport;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.link.LinkPurpose;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.MailLinks;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attending's "I have uploaded it" (issue 17, item 6) through the services: it is shown as reported by the writer
 * and stops the reminders, but the letter counts as received (the goal meter, the dashboard's "in ERAS") only once
 * the student sees it in ERAS; a writer's report ERAS does not show is flagged on the third day, as before.
 */
class WriterUploadIT extends InsideLorKit {
    private static final String CLIENT = "127.0.0.1";

    @Inject
    KitService kits;
    @Inject
    LetterRequestService letters;
    @Inject
    AttendingLinkService links;
    @Inject
    CompletionDashboard dashboard;
    @Inject
    OutboxSender sender;
    @Inject
    Clocks clocks;

    private long agency;
    private StudentView student;
    private AttendingView uploader;
    private AttendingView silent;
    private long uploaderRequest;
    private long silentRequest;
    private String uploaderKitToken;

    @BeforeEach
    void twoKitsSent() throws Exception {
        agency = fixtures.agency().id();
        RotationView[] rotations = new RotationView[2];
        as.staff(agency, () -> {
            student = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            uploader = fixtures.attending("Internal Medicine");
            silent = fixtures.attending("Internal Medicine");
            rotations[0] = fixtures.rotation(student, uploader, 24);
            rotations[1] = fixtures.rotation(student, silent, 24);
            return null;
        });
        uploaderRequest = fixtures.readyKit(agency, student, uploader, rotations[0]);
        silentRequest = fixtures.readyKit(agency, student, silent, rotations[1]);
        as.ownerStudent(agency, () -> kits.send(uploaderRequest));
        as.ownerStudent(agency, () -> kits.send(silentRequest));
        sender.sendDue();
        uploaderKitToken = MailLinks.token(MailLinks.KIT_LINK, Inbox.await(uploader.email(), 1, Duration.ofSeconds(20)).get(0).text());
        assertThat(Inbox.await(silent.email(), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @AfterEach
    void backToRealTime() {
        clocks.reset();
    }

    private LetterState state(long request) {
        return as.ownerStudent(agency, () -> letters.find(request)).orElseThrow().state();
    }

    private Portfolio portfolio() {
        return as.ownerStudent(agency, () -> letters.portfolio(student.id()));
    }

    private Portfolio.Letter letter(long request) {
        return portfolio().letters().stream().filter(l -> l.request().id() == request).findFirst().orElseThrow();
    }

    private StudentStanding standing() {
        return as.staff(agency, () -> dashboard.students(new StudentQuery(null, null, null, null, "name", true, 0, 25, null)))
                .rows().stream().filter(r -> r.studentId() == student.id()).findFirst().orElseThrow();
    }

    @Test
    void the_writers_upload_is_reported_by_the_writer_and_counts_once_the_student_sees_it_in_eras() {
        AttendingLinkService.Visit visit = links.answer(uploaderKitToken, LinkPurpose.KIT, Answer.UPLOADED, null, null, CLIENT);

        assertThat(visit.page().uploaded()).isTrue();
        assertThat(visit.page().closed()).as("open until ERAS shows it: the kit stays with the writer").isFalse();
        assertThat(state(uploaderRequest)).as("reported by the writer, not received").isEqualTo(LetterState.KIT_SENT);
        assertThat(letter(uploaderRequest).erasStatus()).isEqualTo(ErasReport.Status.WRITER_REPORTED);
        assertThat(letter(uploaderRequest).erasText()).startsWith("Reported by the writer: " + uploader.fullName());
        assertThat(letter(uploaderRequest).isReportedByWriterOnly()).isTrue();
        assertThat(portfolio().goal().securedUsClinical()).as("the goal meter counts what ERAS shows").isZero();
        assertThat(portfolio().goal().pendingUsClinical()).isEqualTo(2);
        assertThat(standing().securedLetters()).as("the dashboard's \"in ERAS\"").isZero();
        assertThat(as.ownerStudent(agency, () -> letters.history(uploaderRequest))).last().extracting(LetterEventView::reason)
                .isEqualTo("the writer reports the letter uploaded to ERAS; it counts once ERAS shows it as received");

        as.ownerStudent(agency, () -> letters.reportReceivedInEras(uploaderRequest));

        assertThat(state(uploaderRequest)).isEqualTo(LetterState.SUBMITTED);
        assertThat(letter(uploaderRequest).erasStatus()).isEqualTo(ErasReport.Status.CONFIRMED);
        assertThat(portfolio().goal().securedUsClinical()).isEqualTo(1);
        assertThat(standing().securedLetters()).isEqualTo(1);
        assertThat(standing().standing()).isNotEqualTo(Standing.AT_GOAL);

        as.ownerStudent(agency, () -> letters.reportReceivedInEras(silentRequest));
        assertThat(standing().securedLetters()).isEqualTo(2);
        assertThat(standing().standing()).isEqualTo(Standing.AT_GOAL);
    }

    @Test
    void the_writers_word_stops_the_reminders_and_an_upload_eras_does_not_show_is_flagged_not_overdue() throws Exception {
        links.answer(uploaderKitToken, LinkPurpose.KIT, Answer.UPLOADED, null, null, CLIENT);

        fixtures.daysPass(agency, 2);
        assertThat(standing().mismatches()).as("two days: not yet").isZero();
        fixtures.daysPass(agency, 1);
        assertThat(letter(uploaderRequest).isMismatch()).isTrue();
        assertThat(standing().mismatches()).as("on the third day, as before").isEqualTo(1);

        fixtures.daysPass(agency, 12);
        assertThat(state(silentRequest)).isEqualTo(LetterState.REMINDED_1);
        assertThat(state(uploaderRequest)).as("no reminder after the writer's upload").isEqualTo(LetterState.KIT_SENT);
        assertThat(Inbox.read(uploader.email())).as("only the kit email").hasSize(1);

        fixtures.daysPass(agency, 12); // past the deadline (24 days): the silent writer's letter is overdue, the reported one is not
        assertThat(state(silentRequest)).isEqualTo(LetterState.REMINDED_2);
        assertThat(standing().overdue()).isEqualTo(1);
        fixtures.daysPass(agency, 10);
        assertThat(state(silentRequest)).isEqualTo(LetterState.NOT_COMING);
        assertThat(state(uploaderRequest)).as("never given up on: the student checks ERAS").isEqualTo(LetterState.KIT_SENT);
        assertThat(Inbox.read(uploader.email())).hasSize(1);

        as.ownerStudent(agency, () -> letters.reportReceivedInEras(uploaderRequest));
        assertThat(standing().mismatches()).isZero();
        assertThat(standing().securedLetters()).isEqualTo(1);
    }

    @Test
    void taking_back_uploaded_brings_the_reminders_back() {
        links.answer(uploaderKitToken, LinkPurpose.KIT, Answer.UPLOADED, null, null, CLIENT);
        AttendingLinkService.Visit undone = links.answer(uploaderKitToken, LinkPurpose.KIT, Answer.UNDO, null, null, CLIENT);

        assertThat(undone.page().uploaded()).isFalse();
        assertThat(letter(uploaderRequest).erasStatus()).isEqualTo(ErasReport.Status.NOTHING_YET);

        fixtures.daysPass(agency, 14);
        assertThat(state(uploaderRequest)).isEqualTo(LetterState.REMINDED_1);
    }
}
