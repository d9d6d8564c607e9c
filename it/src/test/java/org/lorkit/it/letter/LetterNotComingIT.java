package org.lorkit.it.letter;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.advice.AdviceService;
import org.lorkit.application.advice.AskService;
import org.lorkit.application.advice.FeedbackService;
import org.lorkit.application.attending.AttendingService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.attending.NewAttending;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.kit.DocumentService;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.kit.WorkLogService;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.provisioning.ProvisioningService;
import org.lorkit.application.reminder.DigestService;
import org.lorkit.application.rotation.NewRotation;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.advice.LetterNotComing;
import org.lorkit.domain.advice.NextAction;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.document.DocumentKind;
import org.lorkit.domain.feedback.FeedbackClassifier.RedFlag;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Dates;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.SamplePdfs;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, items 3 and 12: when a letter is declined, or is not coming after two reminders, the agency knows too (the
 * staff student page lists it with whom to ask next, and the next morning's digest names it), and the student is told
 * whom to ask next, by the one suggestion rule: best letter value first, a writer known under two weeks or with a red
 * flag in the student's last feedback check last, with the reason. Built through the services the pages call: the ask
 * and its answer, the feedback check, the kit, the reminder sweep as days pass on the application's clock.
 */
class LetterNotComingIT extends InsideLorKit {
    /** The fixtures' agencies keep time in Chicago. */
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final String VAGUE = "only 9 days together: the letter would likely be vague";

    @Inject
    AskService asks;
    @Inject
    AdviceService advice;
    @Inject
    FeedbackService feedback;
    @Inject
    CompletionDashboard dashboard;
    @Inject
    DigestService digests;
    @Inject
    OutboxSender sender;
    @Inject
    ProvisioningService provisioning;
    @Inject
    RotationService rotations;
    @Inject
    AttendingService attendings;
    @Inject
    LetterRequestService letters;
    @Inject
    KitService kits;
    @Inject
    DocumentService documents;
    @Inject
    WorkLogService worklog;
    @Inject
    Clocks clocks;

    private long agency;
    private String staffEmail;
    private StudentView student;
    private RotationView current;
    private RotationView earlier;
    private AttendingView patel;
    private AttendingView kim;
    private AttendingView lee;
    private AttendingView rossi;

    /**
     * A rotation ending in two days under Dr. Patel (internal medicine, 24 days) and Dr. Kim (internal medicine, 20 days);
     * one that ended ten days ago under Dr. Lee (cardiology, 9 days) and Dr. Rossi (internal medicine, 28 days, but
     * the student's feedback check with Rossi read as a red flag). One staff member gets the digest.
     */
    @BeforeEach
    void aStudentWithFourPossibleWriters() {
        agency = fixtures.agency().id();
        staffEmail = Fixtures.unique("ngozi") + "@agency.example";
        as.admin(agency, () -> provisioning.inviteStaff(staffEmail, "Ngozi", "Adeyemi"));
        LocalDate today = fixtures.today();
        as.staff(agency, () -> {
            student = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            patel = writer("Dr. Anjali Patel", "Internal Medicine");
            kim = writer("Dr. Grace Kim", "Internal Medicine");
            lee = writer("Dr. Daniel Lee", "Cardiology");
            rossi = writer("Dr. Marco Rossi", "Internal Medicine");
            current = rotations.place(new NewRotation(student.id(), "St. Mary's Medical Center", "Internal Medicine",
                    ClinicalSetting.INPATIENT, RotationKind.HANDS_ON, true, today.minusDays(25), today.plusDays(2)));
            rotations.addSupervisor(current.id(), patel.id(), 24);
            current = rotations.addSupervisor(current.id(), kim.id(), 20);
            earlier = rotations.place(new NewRotation(student.id(), "Lakeside Community Hospital", "Internal Medicine",
                    ClinicalSetting.INPATIENT, RotationKind.HANDS_ON, false, today.minusDays(37), today.minusDays(10)));
            rotations.addSupervisor(earlier.id(), lee.id(), 9);
            earlier = rotations.addSupervisor(earlier.id(), rossi.id(), 28);
            return null;
        });
        as.ownerStudent(agency, () -> feedback.record(earlier.id(), rossi.id(), "Fine.", Set.of(RedFlag.BARELY_TALKED)));
    }

    @AfterEach
    void realTime() {
        clocks.reset();
    }

    private AttendingView writer(String name, String specialty) {
        return attendings.addToDirectory(new NewAttending(name, Fixtures.unique("writer") + "@hospital.example",
                AttendingTitle.ATTENDING, specialty, true, null));
    }

    private List<String> homeMessages() {
        return as.ownerStudent(agency, () -> advice.home()).actions().stream()
                .filter(a -> a.kind() == NextAction.Kind.FIND_ANOTHER_WRITER).map(NextAction::message).toList();
    }

    private List<LetterNotComing> staffSee() {
        return as.staff(agency, () -> dashboard.timeline(student.id())).notComing();
    }

    @Test
    void a_no_at_the_ask_reaches_the_staff_page_and_the_digest_and_the_student_is_told_whom_to_ask_next() throws Exception {
        LocalDate day = LocalDate.ofInstant(clocks.now(), ZONE);

        AskService.AnswerOutcome no = as.ownerStudent(agency,
                () -> asks.recordAnswer(current.id(), patel.id(), org.lorkit.domain.letter.AnswerHeard.NOT_COMFORTABLE, "I'm not comfortable writing one."));

        assertThat(no.request().state()).isEqualTo(LetterState.DECLINED);
        // After the no: the next writers, by the rule, each with the reason it comes where it does.
        assertThat(no.nextWriters()).extracting(AskService.Candidate::attendingName)
                .containsExactly(kim.fullName(), lee.fullName(), rossi.fullName());
        assertThat(no.nextWriters()).extracting(AskService.Candidate::caution)
                .containsExactly(null, VAGUE, "red flag in your last feedback check");
        // The student's home names them.
        assertThat(homeMessages()).containsExactly(patel.fullName() + " declined: thank them; next, ask "
                + kim.fullName() + " or " + lee.fullName() + " (" + VAGUE + ")");
        // Staff see it on the student's page.
        assertThat(staffSee()).singleElement().satisfies(letter -> {
            assertThat(letter.state()).isEqualTo(LetterState.DECLINED);
            assertThat(letter.line()).isEqualTo(patel.fullName() + " (declined " + Dates.day(day) + "): next, ask "
                    + kim.fullName() + " or " + lee.fullName() + " (" + VAGUE + ")");
        });

        // And in the next morning's digest.
        clocks.advance(Duration.ofDays(1));
        assertThat(as.staff(agency, () -> digests.queueDigests(day))).isPositive();
        sender.sendDue();
        List<Inbox.Mail> digest = awaitMail(staffEmail, "Daily digest for " + Dates.day(day));
        assertThat(digest).hasSize(1);
        assertThat(digest.get(0).text()).contains("Letters declined", student.fullName() + ", letter from " + patel.fullName()
                + ": the writer declined at");
    }

    @Test
    void a_letter_not_coming_after_two_reminders_is_listed_for_staff_and_the_student_hears_the_next_writers() throws Exception {
        long request = as.ownerStudent(agency, () -> {
            long id = asks.recordAnswer(current.id(), kim.id(), org.lorkit.domain.letter.AnswerHeard.STRONG_YES, "Of course, send me your materials.").request().id();
            documents.upload(DocumentKind.CV, "cv.pdf", SamplePdfs.pages(2, "CV"));
            documents.upload(DocumentKind.PERSONAL_STATEMENT, "ps.pdf", SamplePdfs.pages(1, "Statement"));
            worklog.keepBullets(current.id(), List.of("Followed six patients daily", "Presented at morning report",
                    "Wrote daily progress notes", "Followed up on pending results", "Led a family meeting"));
            kits.prepare(id, "14029381", null, fixtures.today().plusDays(24), kits.settings(id).letterFor());
            kits.confirmWriterInEras(id, true);
            kits.send(id);
            return id;
        });
        sender.sendDue();

        fixtures.daysPass(agency, 14);
        fixtures.daysPass(agency, 10);
        fixtures.daysPass(agency, 7);
        assertThat(as.ownerStudent(agency, () -> letters.find(request)).orElseThrow().state()).isEqualTo(LetterState.NOT_COMING);
        LocalDate day = LocalDate.ofInstant(clocks.now(), ZONE);

        String next = patel.fullName() + " or " + lee.fullName() + " (" + VAGUE + ")";
        assertThat(homeMessages()).containsExactly(kim.fullName() + "'s letter is not coming after two reminders; next, ask " + next);
        assertThat(staffSee()).singleElement().extracting(LetterNotComing::line)
                .isEqualTo(kim.fullName() + " (not coming after two reminders, " + Dates.day(day) + "): next, ask " + next);
        // The email that tells the student names the next writers by the same rule.
        Inbox.Mail told = awaitMail(Identities.OWNER_STUDENT, kim.fullName() + "'s letter is not coming: ask another writer")
                .stream().reduce((a, b) -> b).orElseThrow();
        assertThat(told.text()).contains("- " + patel.fullName() + " (Internal Medicine at St. Mary's Medical Center)",
                "- " + lee.fullName() + " (Internal Medicine at Lakeside Community Hospital): " + VAGUE,
                "- " + rossi.fullName() + " (Internal Medicine at Lakeside Community Hospital): red flag in your last feedback check");

        clocks.advance(Duration.ofDays(1));
        assertThat(as.staff(agency, () -> digests.queueDigests(day))).isPositive();
        sender.sendDue();
        List<Inbox.Mail> digest = awaitMail(staffEmail, "Daily digest for " + Dates.day(day));
        assertThat(digest).hasSize(1);
        assertThat(digest.get(0).text()).contains("Letters not coming", student.fullName() + ", letter from " + kim.fullName());
    }

    /** The mails in the address's inbox whose subject starts so, once there is one (GreenMail files a mail a moment late). */
    private static List<Inbox.Mail> awaitMail(String address, String subject) throws Exception {
        java.time.Instant until = java.time.Instant.now().plusSeconds(20);
        List<Inbox.Mail> found = List.of();
        while (found.isEmpty() && java.time.Instant.now().isBefore(until)) {
            found = Inbox.read(address).stream().filter(m -> m.subject() != null && m.subject().startsWith(subject)).toList();
            if (found.isEmpty()) {
                Thread.sleep(250);
            }
        }
        return found;
    }
}
