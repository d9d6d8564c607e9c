package org.lorkit.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lorkit.application.provisioning.ProvisioningService;
import org.lorkit.application.agency.AgencyView;
import org.lorkit.application.agency.NewAgency;
import org.lorkit.application.attending.AttendingService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.attending.NewAttending;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.cohort.NewCohort;
import org.lorkit.application.rotation.NewRotation;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.NewStudent;
import org.lorkit.application.student.StudentService;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.RotationKind;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Builds each test's own data through the real services; every name is unique, so tests never collide.
 * Agencies are created as the platform operator; the rest is called inside a staff identity.
 */
@ApplicationScoped
public class Fixtures {
    @Inject
    org.lorkit.infrastructure.time.Clocks clocks;
    @Inject
    org.lorkit.application.reminder.ReminderScheduler reminders;

    @Inject
    ProvisioningService provisioning;
    @Inject
    As as;
    @Inject
    CohortService cohorts;
    @Inject
    StudentService students;
    @Inject
    AttendingService attendings;
    @Inject
    RotationService rotations;
    @Inject
    org.lorkit.application.kit.DocumentService documents;
    @Inject
    org.lorkit.application.kit.WorkLogService worklog;
    @Inject
    org.lorkit.application.letter.LetterRequestService letters;
    @Inject
    org.lorkit.application.kit.KitService kits;
    @Inject
    org.lorkit.application.outbox.OutboxSender sender;

    public static final java.util.regex.Pattern KIT_LINK = java.util.regex.Pattern.compile("http://localhost:8080/a/kit\\.xhtml\\?t=[A-Za-z0-9_-]{43}");

    /**
     * A fresh agency with a kit sent to a new attending: sends it, waits for the email and returns the "open the
     * kit" link read from it (for tests that play the attending).
     */
    public String sentKitLink() throws Exception {
        return kitLinks(sentKits(1).attendings(), java.time.Duration.ofSeconds(20)).get(0);
    }

    /** A fresh agency, and the attendings its student has sent a kit to. */
    public record SentKits(long agency, List<AttendingView> attendings) {
    }

    /**
     * A fresh agency whose student sends {@code count} ready kits, each to a new attending of a rotation of their
     * own: the kit emails are queued in the outbox (sent by {@link #kitLinks} or the server's own timer).
     */
    public SentKits sentKits(int count) {
        return sentKits(agency().id(), count);
    }

    /** As {@link #sentKits(int)}, in an agency the test made. */
    public SentKits sentKits(long agency, int count) {
        StudentView student = as.staff(agency, () -> student(cohort(), Identities.OWNER_STUDENT));
        List<Long> requests = new java.util.ArrayList<>();
        List<AttendingView> to = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            AttendingView attending = as.staff(agency, () -> attending("Internal Medicine"));
            RotationView rotation = as.staff(agency, () -> rotation(student, attending, 24));
            requests.add(readyKit(agency, student, attending, rotation));
            to.add(attending);
        }
        for (long id : requests) {
            as.ownerStudent(agency, () -> kits.send(id));
        }
        return new SentKits(agency, List.copyOf(to));
    }

    /** Sends what the outbox holds, then reads the "open the kit" link from each attending's kit email. */
    public List<String> kitLinks(List<AttendingView> attendings, java.time.Duration wait) throws Exception {
        while (sender.sendDue() > 0) {
            // the server's own timer may send some of them too
        }
        List<String> links = new java.util.ArrayList<>();
        for (AttendingView attending : attendings) {
            List<Inbox.Mail> mails = Inbox.await(attending.email(), 1, wait);
            java.util.regex.Matcher link = mails.isEmpty() ? null : KIT_LINK.matcher(mails.get(0).text());
            if (link == null || !link.find()) {
                throw new IllegalStateException("no kit link in the email to " + attending.email());
            }
            links.add(link.group());
        }
        return links;
    }

    /**
     * Days pass for the agency: the application's clock moves on, its reminders are swept (twice, as two timer runs
     * would: each step goes once) and what is due is sent.
     */
    public void daysPass(long agency, int days) {
        clocks.advance(java.time.Duration.ofDays(days));
        reminders.sweepAgency(agency);
        reminders.sweepAgency(agency);
        sender.sendDue();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The time zone of the agencies {@link #agency()} makes. */
    public static final java.time.ZoneId AGENCY_ZONE = java.time.ZoneId.of("America/Chicago");

    public AgencyView agency() {
        return agency(AGENCY_ZONE.getId());
    }

    /** Today on the calendar of an agency made by {@link #agency()}, by the application's clock: what its pages call today. */
    public LocalDate today() {
        return LocalDate.ofInstant(clocks.now(), AGENCY_ZONE);
    }

    /** A new agency whose calendar is this time zone's. */
    public AgencyView agency(String timeZone) {
        return as.operator(() -> provisioning.createAgency(new NewAgency(unique("agency"), unique("Test Agency"), "staff@agency.example", timeZone)));
    }

    /** The day ERAS opens to the applicants of {@link #cohort()}: a student's own submit date cannot come before it. */
    public static final LocalDate COHORT_ERAS_OPENS = LocalDate.of(2027, 6, 4);

    public CohortView cohort() {
        return cohorts.create(new NewCohort(unique("IM 2028"), 2028, "Internal Medicine",
                COHORT_ERAS_OPENS, LocalDate.of(2027, 9, 24), LocalDate.of(2027, 9, 24)));
    }

    public StudentView student(CohortView cohort) {
        return student(cohort, unique("amara") + "@student.example");
    }

    public StudentView student(CohortView cohort, String email) {
        return students.enroll(new NewStudent(cohort.id(), "Amara Okafor", email,
                "University of Lagos", "Nigeria", "14029381", List.of("Internal Medicine")));
    }

    public AttendingView attending(String specialty) {
        return attendings.addToDirectory(new NewAttending("Dr. Anjali Patel", unique("patel") + "@hospital.example",
                AttendingTitle.ATTENDING, specialty, true, "St. Mary's Medical Center"));
    }

    public RotationView rotation(StudentView student, AttendingView attending, int contactDays) {
        RotationView rotation = rotations.place(new NewRotation(student.id(), "St. Mary's Medical Center", "Internal Medicine",
                ClinicalSetting.INPATIENT, RotationKind.HANDS_ON, true, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 28)));
        return rotations.addSupervisor(rotation.id(), attending.id(), contactDays);
    }

    /**
     * A strong yes with everything the kit needs (both documents, five bullets, AAMC ID, a deadline 24 days out, and
     * the student's word that the writer is entered in ERAS), ready to send. Runs as the owning student of the agency.
     */
    public long readyKit(long agencyId, StudentView student, AttendingView attending, RotationView rotation) {
        return readyKit(agencyId, student, attending, rotation, 2, 1);
    }

    /** The same, with a CV and a personal statement of the given number of pages. */
    public long readyKit(long agencyId, StudentView student, AttendingView attending, RotationView rotation, int cvPages, int statementPages) {
        return readyKit(agencyId, student, attending, rotation, SamplePdfs.pages(cvPages, "CV"), SamplePdfs.pages(statementPages, "Statement"));
    }

    /** The same, with these files as the CV and the personal statement. */
    public long readyKit(long agencyId, StudentView student, AttendingView attending, RotationView rotation, byte[] cv, byte[] statement) {
        return as.ownerStudent(agencyId, () -> {
            documents.upload(org.lorkit.domain.document.DocumentKind.CV, "cv.pdf", cv);
            documents.upload(org.lorkit.domain.document.DocumentKind.PERSONAL_STATEMENT, "ps.pdf", statement);
            worklog.keepBullets(rotation.id(), List.of("Followed six patients daily", "Presented at morning report",
                    "Wrote daily progress notes", "Followed up on pending results", "Led a family meeting"));
            long id = letters.plan(new org.lorkit.application.letter.NewLetterRequest(student.id(), attending.id(), rotation.id(), null)).id();
            letters.moveTo(id, org.lorkit.domain.letter.LetterState.ASKED, null);
            letters.moveTo(id, org.lorkit.domain.letter.LetterState.STRONG_YES, "\"happy to\"");
            // 24 days from the application's (perhaps moved) clock: a day either way of the agency's calendar does not matter here.
            kits.prepare(id, "14029381", null, LocalDate.ofInstant(clocks.now(), java.time.ZoneOffset.UTC).plusDays(24), "INTERNAL_MEDICINE");
            kits.confirmWriterInEras(id, true);
            return id;
        });
    }
}
