package org.lorkit.it.tenancy;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lorkit.application.agency.AgencyService;
import org.lorkit.application.agency.AgencyView;
import org.lorkit.application.agency.NewAgency;
import org.lorkit.application.attending.AttendingService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.attending.NewAttending;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.cohort.NewCohort;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.letter.NewLetterRequest;
import org.lorkit.application.rotation.NewRotation;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.roster.ImportState;
import org.lorkit.application.roster.RosterImportService;
import org.lorkit.application.student.NewStudent;
import org.lorkit.application.student.StudentService;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.RosterRows;
import org.lorkit.it.support.As;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.KeycloakRealm;
import org.lorkit.it.support.MailStates;
import org.lorkit.it.support.SampleImages;
import org.lorkit.it.support.SamplePdfs;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant isolation matrix: every public method of every application service, tried against the
 * records of agency A as (1) the caller it is meant for, (2) staff of another agency, (3) a student of
 * agency A who does not own the records, (4) nobody. The intended caller succeeds; every other probe is
 * denied, or finds nothing, with the same "not found" words as for an id that does not exist. A service
 * method that is not in the matrix fails the test.
 */
class ServiceIsolationMatrixIT extends InsideLorKit {
    @Inject
    BeanManager beans;
    @Inject
    AgencyService agencies;
    @Inject
    org.lorkit.application.provisioning.ProvisioningService provisioning;
    @Inject
    CohortService cohorts;
    @Inject
    StudentService students;
    @Inject
    AttendingService attendings;
    @Inject
    RotationService rotations;
    @Inject
    LetterRequestService letters;
    @Inject
    org.lorkit.application.advice.AdviceService advice;
    @Inject
    org.lorkit.application.kit.DocumentService documents;
    @Inject
    org.lorkit.application.kit.WorkLogService worklog;
    @Inject
    org.lorkit.application.kit.KitService kits;
    @Inject
    org.lorkit.application.advice.AskService asks;
    @Inject
    org.lorkit.application.advice.CalendarService calendar;
    @Inject
    org.lorkit.application.advice.FeedbackService feedback;
    @Inject
    org.lorkit.application.link.LinkManagementService links;
    @Inject
    RosterImportService roster;
    @Inject
    MailStates bounce;
    @Inject
    org.lorkit.application.outbox.MailHealth mailHealth;
    @Inject
    org.lorkit.application.dashboard.CompletionDashboard dashboard;
    @Inject
    org.lorkit.application.agency.AgencySettingsService settings;
    @Inject
    org.lorkit.application.student.StudentErasureService erasure;
    @Inject
    org.lorkit.application.agency.StaffPreferenceService staffPreferences;
    @Inject
    org.lorkit.infrastructure.keycloak.KeycloakDirectory keycloak;
    @Inject
    org.lorkit.application.roster.RosterRecords rosterRecords;
    @Inject
    org.lorkit.application.apiclient.ApiClientService apiClients;
    @Inject
    org.lorkit.application.webhook.WebhookService webhooks;

    /** A record of agency A, as the dashboard names it. */
    record Found(long id) {
    }

    enum Caller { INTENDED, OTHER_AGENCY_STAFF, OTHER_STUDENT, ANONYMOUS }

    /** Who the method is for: the intended caller of a probe. */
    enum Audience { STAFF, ADMIN, OWNER_STUDENT, OPERATOR }

    /** A's records, made fresh for the run. */
    private long agencyA;
    private long agencyB;
    private CohortView cohort;
    private StudentView owner;
    /** A student of A with nothing else, for the erasure probe (the one probe that deletes a student). */
    private StudentView erasable;
    private AttendingView attending;
    private RotationView rotation;
    private LetterRequestView planned;
    private LetterRequestView strongYes;
    private LetterRequestView kitSent;
    private LetterRequestView readyKit;
    private LetterRequestView bouncedKit;
    /** A polite no the owner recorded today, for the correction probes. */
    private LetterRequestView answered;
    /** A rotation and supervisor of the owner with no letter yet, for the plan probe. */
    private RotationView planRotation;
    private AttendingView planAttending;
    /** A rotation and supervisor of the owner with no letter yet, for the ask probes. */
    private RotationView askRotation;
    private org.lorkit.application.kit.DocumentView ownerDocument;
    private AttendingView askAttending;
    /** A's roster imports: one checked and waiting for confirmation, one stored (for progress and invitations). */
    private String previewedImport;
    private String storedImport;
    /** The Keycloak user id of a staff member of A, for the disable probe. */
    private String memberOfA;
    /** An API client of A, for the revoke probe. */
    private long apiClientOfA;
    /** A's webhook endpoints: one the probes change, one the delete probe deletes. */
    private long hookOfA;
    private long deletableHookOfA;

    private record Probe(String method, Audience audience, As.Work<Object> call) {
    }

    private List<Probe> probes() {
        List<Probe> p = new ArrayList<>();
        // Platform: agencies are not agency data, but only the operator may touch them.
        p.add(new Probe("ProvisioningService.createAgency", Audience.OPERATOR,
                () -> provisioning.createAgency(new NewAgency(Fixtures.unique("probe"), Fixtures.unique("Probe"), null, "UTC"))));
        p.add(new Probe("ProvisioningService.inviteStaff", Audience.ADMIN,
                () -> provisioning.inviteStaff(Fixtures.unique("staff") + "@agency.example", "Probe", "Staff")));
        p.add(new Probe("ProvisioningService.inviteStudent", Audience.ADMIN, () -> provisioning.inviteStudent(new NewStudent(
                cohort.id(), "Probe Invitee", Fixtures.unique("invitee") + "@student.example", null, null, null, null))));
        p.add(new Probe("ProvisioningService.members", Audience.ADMIN, () -> provisioning.members(null, 0, 25)));
        p.add(new Probe("ProvisioningService.countMembers", Audience.ADMIN, () -> provisioning.countMembers(null)));
        p.add(new Probe("ProvisioningService.disableMember", Audience.ADMIN, () -> provisioning.disableMember(memberOfA)));
        p.add(new Probe("ProvisioningService.enableMember", Audience.ADMIN, () -> provisioning.enableMember(memberOfA)));
        p.add(new Probe("AgencyService.findBySlug", Audience.OPERATOR, () -> agencies.findBySlug("bridgeway")));
        p.add(new Probe("AgencyService.find", Audience.OPERATOR, () -> agencies.find(agencyA)));
        p.add(new Probe("AgencyService.list", Audience.OPERATOR, () -> agencies.list()));
        // Agency data, by id of A's records.
        p.add(new Probe("CohortService.create", Audience.STAFF, () -> cohorts.create(new NewCohort(Fixtures.unique("probe"),
                2028, "Internal Medicine", null, LocalDate.of(2027, 9, 24), null))));
        p.add(new Probe("CohortService.find", Audience.STAFF, () -> cohorts.find(cohort.id())));
        p.add(new Probe("CohortService.listActive", Audience.STAFF, () -> cohorts.listActive()));
        p.add(new Probe("CohortService.summaries", Audience.STAFF, () -> cohorts.summaries()));
        p.add(new Probe("CohortService.update", Audience.STAFF, () -> cohorts.update(cohort.id(), new NewCohort(cohort.name(), 2028,
                "Internal Medicine", cohort.erasOpensOn(), cohort.plannedSubmitOn(), cohort.programsReviewOn()))));
        p.add(new Probe("CohortService.archive", Audience.STAFF, () -> cohorts.archive(cohort.id(), false)));
        p.add(new Probe("CohortService.listAll", Audience.STAFF, () -> cohorts.listAll()));
        p.add(new Probe("CohortService.proposedMatchYear", Audience.STAFF, () -> cohorts.proposedMatchYear()));
        p.add(new Probe("AttendingService.records", Audience.STAFF, () -> attendings.records()));
        p.add(new Probe("AttendingService.exportCsv", Audience.STAFF, () -> {
            String csv = attendings.exportCsv().text();
            return csv.contains(attending.email()) ? csv : List.of();
        }));
        p.add(new Probe("AgencySettingsService.current", Audience.ADMIN, () -> settings.current()));
        p.add(new Probe("AgencySettingsService.update", Audience.ADMIN, () -> settings.update(settings.current())));
        p.add(new Probe("AgencySettingsService.uploadLogo", Audience.ADMIN, () -> {
            settings.uploadLogo(SampleImages.png());
            return "logo saved";
        }));
        p.add(new Probe("AgencySettingsService.hasLogo", Audience.ADMIN, () -> settings.hasLogo()));
        // The record of the letter rules' changes: one change made first, so the intended admin finds a line of their own.
        p.add(new Probe("AgencySettingsService.history", Audience.ADMIN, () -> {
            var current = settings.current();
            int first = current.rules().firstReminderAfterKitDays();
            settings.update(new org.lorkit.application.agency.AgencySettings(current.senderName(), current.replyTo(), current.timeZone(),
                    current.rules().with(org.lorkit.domain.agency.AgencyRules.Rule.FIRST_REMINDER_DAYS, first == 14 ? 15 : 14)));
            return settings.history();
        }));
        // A staff member's own mail preferences: found by the caller's login among A's staff in Keycloak.
        p.add(new Probe("StaffPreferenceService.mine", Audience.STAFF, () -> staffPreferences.mine()));
        p.add(new Probe("StaffPreferenceService.changeDigest", Audience.STAFF, () -> staffPreferences.changeDigest(true)));
        p.add(new Probe("AgencySettingsService.removeLogo", Audience.ADMIN, () -> {
            settings.removeLogo();
            return "logo removed";
        }));
        // The dashboard answers with figures and rows, not entities: a probe "finds A's records" when it sees A's students.
        p.add(new Probe("CompletionDashboard.figures", Audience.STAFF,
                () -> dashboard.figures(cohort.id()).students() > 0 ? "A's figures" : List.of()));
        // A number of the caller's own agency's rules: another agency's staff read their own.
        p.add(new Probe("CompletionDashboard.atRiskHorizonDays", Audience.STAFF, () -> dashboard.atRiskHorizonDays()));
        p.add(new Probe("CompletionDashboard.students", Audience.STAFF, () -> dashboard.students(new org.lorkit.application.dashboard.StudentQuery(
                cohort.id(), null, null, null, "name", true, 0, 25, null)).rows().stream().map(r -> new Found(r.studentId())).toList()));
        p.add(new Probe("CompletionDashboard.countStudents", Audience.STAFF, () -> dashboard.countStudents(new org.lorkit.application.dashboard.StudentQuery(
                cohort.id(), null, null, null, "name", true, 0, 25, null)) > 0 ? "A's students counted" : List.of()));
        p.add(new Probe("StudentErasureService.erase", Audience.STAFF, () -> {
            erasure.erase(erasable.id(), erasable.email());
            return new Found(erasable.id());
        }));
        p.add(new Probe("CompletionDashboard.exportCsv", Audience.STAFF, () -> {
            String csv = dashboard.exportCsv(new org.lorkit.application.dashboard.StudentQuery(cohort.id(), null, null, null, "name", true, 0, 25, null)).text();
            return csv.lines().count() > 1 ? csv : List.of();
        }));
        p.add(new Probe("CompletionDashboard.timeline", Audience.STAFF, () -> new Found(dashboard.timeline(owner.id()).studentId())));
        p.add(new Probe("CompletionDashboard.nudge", Audience.STAFF, () -> dashboard.nudge(owner.id(), "Probe nudge")));
        p.add(new Probe("CompletionDashboard.addNote", Audience.STAFF, () -> dashboard.addNote(owner.id(), "Probe note")));
        p.add(new Probe("StudentService.enroll", Audience.STAFF, () -> students.enroll(new NewStudent(cohort.id(),
                "Probe Student", Fixtures.unique("probe") + "@student.example", null, null, null, null))));
        p.add(new Probe("StudentService.find", Audience.STAFF, () -> students.find(owner.id())));
        p.add(new Probe("StudentService.listByCohort", Audience.STAFF, () -> students.listByCohort(cohort.id())));
        p.add(new Probe("StudentService.recordErasIds", Audience.OWNER_STUDENT,
                () -> students.recordErasIds(owner.id(), "12345678", null)));
        p.add(new Probe("StudentService.me", Audience.OWNER_STUDENT, () -> students.me()));
        p.add(new Probe("StudentService.submitDate", Audience.OWNER_STUDENT, () -> students.submitDate(owner.id())));
        p.add(new Probe("StudentService.planSubmission", Audience.OWNER_STUDENT, () -> students.planSubmission(owner.id(), null)));
        p.add(new Probe("AttendingService.addToDirectory", Audience.STAFF, () -> attendings.addToDirectory(new NewAttending(
                "Dr. Probe", Fixtures.unique("probe") + "@hospital.example", AttendingTitle.ATTENDING, "Pediatrics", true, null))));
        p.add(new Probe("AttendingService.find", Audience.STAFF, () -> attendings.find(attending.id())));
        p.add(new Probe("AttendingService.directory", Audience.STAFF, () -> attendings.directory()));
        p.add(new Probe("AttendingService.changeEmail", Audience.STAFF, () -> attendings.changeEmail(attending.id(),
                Fixtures.unique("moved") + "@hospital.example")));
        p.add(new Probe("AttendingService.addressChanges", Audience.STAFF, () -> {
            attendings.changeEmail(attending.id(), Fixtures.unique("moved") + "@hospital.example");
            return attendings.addressChanges(attending.id()).stream().map(c -> attending).toList();
        }));
        p.add(new Probe("MailHealth.heldMail", Audience.STAFF, () -> mailHealth.heldMail()));
        p.add(new Probe("AttendingService.suppressedAddresses", Audience.STAFF, () -> attendings.suppressedAddresses()));
        p.add(new Probe("AttendingService.allowMailAgain", Audience.STAFF, () -> attendings.allowMailAgain(
                bounce.suppress(agencyA, Fixtures.unique("complained") + "@hospital.example"))));
        p.add(new Probe("AttendingService.recentAddressChanges", Audience.STAFF, () -> {
            attendings.changeEmail(attending.id(), Fixtures.unique("moved") + "@hospital.example");
            return attendings.recentAddressChanges(10).stream().map(c -> new Found(c.attendingId())).toList();
        }));
        p.add(new Probe("RotationService.place", Audience.STAFF, () -> rotations.place(new NewRotation(owner.id(), "Probe Site",
                "Internal Medicine", ClinicalSetting.OUTPATIENT, RotationKind.HANDS_ON, false,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 28)))));
        p.add(new Probe("RotationService.addSupervisor", Audience.STAFF, () -> rotations.addSupervisor(rotation.id(),
                fixtures.attending("Pediatrics").id(), 5)));
        p.add(new Probe("RotationService.listByStudent", Audience.OWNER_STUDENT, () -> rotations.listByStudent(owner.id())));
        p.add(new Probe("RotationService.listCurrent", Audience.STAFF, () -> rotations.listCurrent(3650)));
        p.add(new Probe("LetterRequestService.plan", Audience.OWNER_STUDENT, () -> letters.plan(new NewLetterRequest(
                owner.id(), planAttending.id(), planRotation.id(), null))));
        // The kit details come before the kit is marked sent: both probe the same strong yes.
        p.add(new Probe("KitService.settings", Audience.OWNER_STUDENT, () -> kits.settings(strongYes.id())));
        p.add(new Probe("KitService.prepare", Audience.OWNER_STUDENT, () -> kits.prepare(strongYes.id(), "12345678", null,
                fixtures.today().plusDays(21), "INTERNAL_MEDICINE")));
        // The kit email's part (ERAS entry, paragraph, phone) and its preview: before markKitSent moves the strong yes on.
        p.add(new Probe("KitService.confirmWriterInEras", Audience.OWNER_STUDENT, () -> kits.confirmWriterInEras(strongYes.id(), true)));
        p.add(new Probe("KitService.writeEmail", Audience.OWNER_STUDENT, () -> kits.writeEmail(strongYes.id(),
                "A paragraph of the owner's", "+1 312 555 0188")));
        p.add(new Probe("KitService.emailPreview", Audience.OWNER_STUDENT, () -> kits.emailPreview(strongYes.id())));
        p.add(new Probe("KitService.draft", Audience.OWNER_STUDENT, () -> kits.draft(strongYes.id())));
        p.add(new Probe("KitService.send", Audience.OWNER_STUDENT, () -> kits.send(readyKit.id())));
        // Once sent (the probe above), the kit's deadline may move.
        p.add(new Probe("KitService.deadlineChoice", Audience.OWNER_STUDENT, () -> kits.deadlineChoice(readyKit.id())));
        p.add(new Probe("KitService.changeDeadline", Audience.OWNER_STUDENT, () -> kits.changeDeadline(readyKit.id(),
                fixtures.today().plusDays(30))));
        p.add(new Probe("LinkManagementService.correctAddressAndResend", Audience.OWNER_STUDENT,
                () -> links.correctAddressAndResend(bouncedKit.id(), Fixtures.unique("corrected") + "@hospital.example")));
        p.add(new Probe("LinkManagementService.resendLinks", Audience.OWNER_STUDENT, () -> links.resendLinks(kitSent.id())));
        p.add(new Probe("LinkManagementService.revokeLinks", Audience.OWNER_STUDENT, () -> links.revokeLinks(kitSent.id())));
        p.add(new Probe("LetterRequestService.reportWriterUpload", Audience.OWNER_STUDENT,
                () -> letters.reportWriterUpload(kitSent.id())));
        p.add(new Probe("LetterRequestService.reportReceivedInEras", Audience.OWNER_STUDENT,
                () -> letters.reportReceivedInEras(kitSent.id())));
        p.add(new Probe("LetterRequestService.portfolio", Audience.OWNER_STUDENT, () -> letters.portfolio(owner.id())));
        p.add(new Probe("AdviceService.rotationPlans", Audience.OWNER_STUDENT, () -> advice.rotationPlans()));
        p.add(new Probe("AdviceService.rules", Audience.OWNER_STUDENT, () -> advice.rules()));
        p.add(new Probe("AdviceService.rotationPlan", Audience.OWNER_STUDENT, () -> advice.rotationPlan(rotation.id())));
        p.add(new Probe("FeedbackService.record", Audience.OWNER_STUDENT, () -> feedback.record(rotation.id(), attending.id(),
                "You're doing great, keep this up.", java.util.Set.of())));
        p.add(new Probe("FeedbackService.myChecks", Audience.OWNER_STUDENT, () -> feedback.myChecks()));
        p.add(new Probe("LetterRequestService.moveTo", Audience.OWNER_STUDENT,
                () -> letters.moveTo(planned.id(), LetterState.ASKED, "probe")));
        p.add(new Probe("LetterRequestService.markKitSent", Audience.OWNER_STUDENT, () -> letters.markKitSent(strongYes.id())));
        p.add(new Probe("LetterRequestService.find", Audience.OWNER_STUDENT, () -> letters.find(planned.id())));
        p.add(new Probe("LetterRequestService.listByStudent", Audience.OWNER_STUDENT, () -> letters.listByStudent(owner.id())));
        p.add(new Probe("LetterRequestService.history", Audience.OWNER_STUDENT, () -> letters.history(planned.id())));
        p.add(new Probe("LetterRequestService.countByState", Audience.STAFF, () -> letters.countByState()));
        p.add(new Probe("AdviceService.home", Audience.OWNER_STUDENT, () -> advice.home()));
        // The student's calendar downloads: the answer names the rotation or request it is about.
        p.add(new Probe("CalendarService.askWindow", Audience.OWNER_STUDENT, () -> calendar.askWindow(rotation.id())));
        p.add(new Probe("CalendarService.kitDeadline", Audience.OWNER_STUDENT, () -> calendar.kitDeadline(kitSent.id())));
        p.add(new Probe("DocumentService.upload", Audience.OWNER_STUDENT,
                () -> documents.upload(org.lorkit.domain.document.DocumentKind.CV, "cv.pdf", SamplePdfs.pages(1, "CV"))));
        p.add(new Probe("DocumentService.myDocuments", Audience.OWNER_STUDENT, () -> documents.myDocuments()));
        p.add(new Probe("DocumentService.download", Audience.OWNER_STUDENT, () -> documents.download(ownerDocument.id())));
        p.add(new Probe("WorkLogService.add", Audience.OWNER_STUDENT, () -> worklog.add(rotation.id(), rotation.startDate(),
                org.lorkit.domain.worklog.WorkLogKind.NOTE_WRITTEN, "admission note")));
        p.add(new Probe("WorkLogService.entries", Audience.OWNER_STUDENT, () -> worklog.entries(rotation.id())));
        p.add(new Probe("WorkLogService.summary", Audience.OWNER_STUDENT, () -> worklog.summary(rotation.id())));
        p.add(new Probe("WorkLogService.keepBullets", Audience.OWNER_STUDENT,
                () -> worklog.keepBullets(rotation.id(), List.of("one", "two", "three", "four", "five"))));
        p.add(new Probe("KitService.preview", Audience.OWNER_STUDENT, () -> kits.preview(strongYes.id())));
        p.add(new Probe("KitService.pdf", Audience.OWNER_STUDENT, () -> kits.pdf(strongYes.id())));
        p.add(new Probe("AskService.candidates", Audience.OWNER_STUDENT, () -> asks.candidates()));
        p.add(new Probe("AskService.script", Audience.OWNER_STUDENT, () -> asks.script(askRotation.id(), askAttending.id())));
        p.add(new Probe("AskService.recordAnswer", Audience.OWNER_STUDENT, () -> asks.recordAnswer(askRotation.id(), askAttending.id(),
                org.lorkit.domain.letter.AnswerHeard.STRONG_YES, "Of course, send me your materials.")));
        // The reader's guess is about the words given, no record: another student of A gets a guess about their own words.
        p.add(new Probe("AskService.suggestAnswer", Audience.OWNER_STUDENT, () -> asks.suggestAnswer("Maybe, if I have time.")));
        p.add(new Probe("LetterRequestService.answerCorrection", Audience.OWNER_STUDENT, () -> letters.answerCorrection(answered.id())));
        p.add(new Probe("LetterRequestService.correctAnswer", Audience.OWNER_STUDENT, () -> letters.correctAnswer(answered.id(),
                org.lorkit.domain.letter.AnswerHeard.STRONG_YES, "probe: she said yes to a strong letter")));
        // Roster import: a preview reads only the caller's own agency; an import is found only by its own agency.
        p.add(new Probe("RosterImportService.preview", Audience.STAFF, () -> roster.preview(RosterRows.csv(List.of(
                RosterRows.row(cohort.name(), Fixtures.unique("probe") + "-", 1, 0, 1))))));
        // The API's pages of A's records, and its roster-rule writes (a probe of another agency finds no such cohort or record).
        p.add(new Probe("StudentService.list", Audience.STAFF, () -> students.list(0, 100)));
        p.add(new Probe("RotationService.list", Audience.STAFF, () -> rotations.list(0, 100)));
        p.add(new Probe("RotationService.find", Audience.STAFF, () -> rotations.find(rotation.id())));
        p.add(new Probe("LetterRequestService.list", Audience.STAFF, () -> letters.list(0, 100)));
        p.add(new Probe("RosterRecords.createStudent", Audience.STAFF, () -> rosterRecords.createStudent(new org.lorkit.application.roster.StudentRecord(
                cohort.name(), "Probe Record", Fixtures.unique("record") + "@student.example", null, null, null))));
        p.add(new Probe("RosterRecords.updateStudent", Audience.STAFF, () -> rosterRecords.updateStudent(owner.id(),
                new org.lorkit.application.roster.StudentRecord(null, owner.fullName(), null, owner.medicalSchool(), owner.country(), null))));
        p.add(new Probe("RosterRecords.createRotation", Audience.STAFF, () -> rosterRecords.createRotation(new org.lorkit.application.roster.RotationRecord(
                owner.id(), attending.id(), Fixtures.unique("Record Site"), "Internal Medicine", "outpatient", "hands-on", false,
                "2026-12-01", "2026-12-28", 5))));
        p.add(new Probe("RosterRecords.updateRotation", Audience.STAFF, () -> rosterRecords.updateRotation(rotation.id(),
                new org.lorkit.application.roster.RotationRecord(null, null, rotation.site(), rotation.specialty().label(),
                        rotation.setting().name(), rotation.kind().name(), rotation.academicAffiliated(),
                        rotation.startDate().toString(), rotation.endDate().toString(), null))));
        p.add(new Probe("ApiClientService.list", Audience.ADMIN, () -> apiClients.list()));
        p.add(new Probe("ApiClientService.create", Audience.ADMIN, () -> apiClients.create("Probe system")));
        p.add(new Probe("ApiClientService.revoke", Audience.ADMIN, () -> apiClients.revoke(apiClientOfA)));
        p.add(new Probe("RosterImportService.confirm", Audience.STAFF, () -> roster.confirm(previewedImport)));
        p.add(new Probe("RosterImportService.progress", Audience.STAFF, () -> roster.progress(storedImport)));
        p.add(new Probe("RosterImportService.invite", Audience.STAFF, () -> roster.invite(storedImport)));
        // Webhooks: an admin's, on A's endpoints; a new endpoint or a test event is a record of the caller's own. The
        // addresses are a closed port on loopback (the tests' servers allow it): the server's sender is refused at once.
        java.util.Set<org.lorkit.domain.webhook.WebhookEventType> states = java.util.EnumSet.of(
                org.lorkit.domain.webhook.WebhookEventType.LETTER_STATE_CHANGED);
        p.add(new Probe("WebhookService.register", Audience.ADMIN,
                () -> webhooks.register("http://127.0.0.1:9/" + Fixtures.unique("probe"), states)));
        p.add(new Probe("WebhookService.endpoints", Audience.ADMIN, () -> webhooks.endpoints()));
        p.add(new Probe("WebhookService.choose", Audience.ADMIN, () -> webhooks.choose(hookOfA, states)));
        p.add(new Probe("WebhookService.disable", Audience.ADMIN, () -> webhooks.disable(hookOfA)));
        p.add(new Probe("WebhookService.enable", Audience.ADMIN, () -> webhooks.enable(hookOfA)));
        p.add(new Probe("WebhookService.replaceSecret", Audience.ADMIN, () -> webhooks.replaceSecret(hookOfA)));
        p.add(new Probe("WebhookService.sendTest", Audience.ADMIN, () -> webhooks.sendTest(hookOfA)));
        p.add(new Probe("WebhookService.deliveries", Audience.ADMIN, () -> webhooks.deliveries(0, 25)));
        p.add(new Probe("WebhookService.countDeliveries", Audience.ADMIN, () -> webhooks.countDeliveries()));
        p.add(new Probe("WebhookService.delete", Audience.ADMIN, () -> webhooks.delete(deletableHookOfA)));
        return p;
    }

    /** What a probe did: succeeded with a value, was refused, or found nothing (an empty answer counts as nothing). */
    enum Outcome { SUCCEEDED, OWN_RECORDS_ONLY, DENIED, NOT_FOUND, NOTHING }

    /**
     * The ids of agency A's records that the owning student and A's staff may see, to recognise them in
     * any answer. (The other student's own record is theirs to see.)
     */
    private final Set<Long> recordsOfA = new java.util.HashSet<>();

    /** The ids of the records (and of the records inside them) that an answer carries; references to others do not count. */
    private static Set<Long> idsIn(Object value, int depth) {
        Set<Long> ids = new java.util.HashSet<>();
        if (value == null || depth == 0) {
            return ids;
        }
        if (value instanceof Optional<?> optional) {
            optional.ifPresent(v -> ids.addAll(idsIn(v, depth)));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> ids.addAll(idsIn(v, depth)));
        } else if (value instanceof Record record) {
            for (var component : record.getClass().getRecordComponents()) {
                try {
                    Object part = component.getAccessor().invoke(record);
                    if (component.getName().equals("id")) {
                        if (part instanceof Number number) {
                            ids.add(number.longValue());
                        } else if (part != null) {
                            ids.add((long) part.hashCode());
                        }
                    } else {
                        ids.addAll(idsIn(part, depth - 1));
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return ids;
    }

    private Outcome outcome(As.Work<Object> call, Function<As.Work<Object>, Object> asCaller) {
        try {
            Object result = asCaller.apply(call);
            if (result instanceof Optional<?> optional && optional.isEmpty()
                    || result instanceof Collection<?> collection && collection.isEmpty()) {
                return Outcome.NOTHING;
            }
            if (result instanceof String || result instanceof byte[]) {
                return Outcome.SUCCEEDED; // a command that changed something
            }
            return idsIn(result, 3).stream().anyMatch(recordsOfA::contains) ? Outcome.SUCCEEDED : Outcome.OWN_RECORDS_ONLY;
        } catch (EJBAccessException e) {
            return Outcome.DENIED;
        } catch (DomainException e) {
            if (e.getMessage().startsWith("No ") || e.getMessage().startsWith("Your student record is not set up")) {
                return Outcome.NOT_FOUND;
            }
            throw new AssertionError("A refusal that is neither 'denied' nor 'not found': " + e.getMessage(), e);
        }
    }

    @Test
    void every_service_method_keeps_other_agencies_and_other_students_out() {
        setUpAgencies();
        List<Probe> probes = probes();

        Set<String> servicesInMatrix = probes.stream().map(Probe::method).collect(Collectors.toCollection(TreeSet::new));
        servicesInMatrix.addAll(NOT_CALLER_FACING);
        assertThat(servicesInMatrix).as("every public service method must be in the isolation matrix")
                .containsAll(publicServiceMethods());

        Map<String, String> failures = new LinkedHashMap<>();
        int count = 0;
        for (Probe probe : probes) {
            for (Caller caller : List.of(Caller.ANONYMOUS, Caller.OTHER_AGENCY_STAFF, Caller.OTHER_STUDENT, Caller.INTENDED)) {
                count++;
                Outcome outcome = outcome(probe.call(), work -> run(probe.audience(), caller, work));
                // The intended caller succeeds (with A's records, or a new one). Anyone else is denied, finds
                // nothing, or gets an answer about their own records only (their agency, their own student record).
                boolean ok = caller == Caller.INTENDED
                        ? outcome == Outcome.SUCCEEDED || outcome == Outcome.OWN_RECORDS_ONLY
                        : outcome != Outcome.SUCCEEDED && (outcome != Outcome.OWN_RECORDS_ONLY || caller != Caller.ANONYMOUS);
                if (!ok) {
                    failures.put(probe.method() + " as " + caller, outcome.name());
                }
            }
        }
        System.out.println("Tenant isolation matrix: " + count + " probes over " + probes.size()
                + " service methods, " + failures.size() + " failures");
        assertThat(failures).as("probes that went wrong (method as caller -> outcome)").isEmpty();
        assertThat(count).isEqualTo(probes.size() * Caller.values().length);
    }

    private Object run(Audience audience, Caller caller, As.Work<Object> work) {
        return switch (caller) {
            case INTENDED -> switch (audience) {
                case STAFF -> as.staff(agencyA, work);
                case ADMIN -> as.admin(agencyA, work);
                case OWNER_STUDENT -> as.ownerStudent(agencyA, work);
                case OPERATOR -> as.operator(work);
            };
            case OTHER_AGENCY_STAFF -> as.staff(agencyB, work);
            case OTHER_STUDENT -> as.otherStudent(agencyA, work);
            case ANONYMOUS -> as.anonymous(agencyA, work);
        };
    }

    /**
     * Methods no logged-in caller reaches: the attending's, opened by a link's token (AttendingLinkIT tries
     * unknown, expired, revoked and wrong-purpose tokens), and the outbox's, run by the sender's timer.
     */
    private static final Set<String> NOT_CALLER_FACING = Set.of("AttendingLinkService.open", "AttendingLinkService.answer",
            "AttendingLinkService.document", "AttendingLinkService.sendFreshLink", "OutboxDelivery.claim", "OutboxDelivery.render",
            "OutboxDelivery.sent", "OutboxDelivery.renew", "OutboxDelivery.freeClaimsOfEarlierStarts", "OutboxDelivery.pending", "OutboxDelivery.agencyOf",
            "OutboxDelivery.claimsSkipLocked",
            // The outbox's size and the age of its oldest due email across agencies, for the gauges and the readiness
            // check: a count and a moment, nothing of any agency's mail.
            "OutboxDelivery.backlog",
            // The webhook queue's transactions, run by the outbox sender in the agency of the delivery it claimed.
            "WebhookOutbox.prepare", "WebhookOutbox.delivered", "WebhookOutbox.failed",
            // What a failed delivery means: called by the outbox sender and the bounce reader, in the agency of the email.
            "DeliveryProblems.record", "DeliveryProblems.recorded", "DeliveryProblems.retryOrGiveUp", "DeliveryProblems.heldByRelay",
            "MailAlerts.alertAdmins",
            "ReminderService.agencies", "ReminderService.dueRequests", "ReminderService.sweep",
            // The day's recheck of the kept standings, run by the reminder timer for the agency in context, on its own rows.
            "StandingRecheck.recheck",
            // The ask-window emails, queued by the reminder timer for the agency in context, to that agency's own students.
            "AskWindowReminders.dueRotations", "AskWindowReminders.sweep",
            // The daily digest, queued by its timer for the agency in context, to that agency's own staff.
            "DigestService.agencies", "DigestService.queueDue", "DigestService.queueDigests",
            // The roster import's background steps: started only by RosterImportService.confirm and .invite, with a
            // job those have found in the caller's own agency (RosterImportIT).
            "RosterImportWorker.write", "RosterImportWorker.invite", "RosterImportWriter.write", "RosterImportWriter.linkLogin",
            // Agencies' logos are public by design: every kit email and kit page shows them to attendings.
            "AgencyLogos.bySlug", "AgencyLogos.pathOf");

    private Set<String> publicServiceMethods() {
        Set<String> methods = new TreeSet<>();
        beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .map(bean -> bean.getBeanClass())
                .filter(type -> type.isAnnotationPresent(Stateless.class) && type.getPackageName().startsWith("org.lorkit.application"))
                .forEach(type -> Arrays.stream(type.getDeclaredMethods())
                        // Static methods are no business methods: no caller, no transaction, no agency reaches them.
                        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
                        .map(Method::getName)
                        .forEach(name -> methods.add(type.getSimpleName() + "." + name)));
        assertThat(methods).as("the services were found").isNotEmpty();
        return methods;
    }

    private void setUpAgencies() {
        AgencyView a = fixtures.agency();
        agencyA = a.id();
        // The staff identity the probes run as (AsStaff) is a staff login of A in Keycloak too, for the services that
        // find the caller there (StaffPreferenceService).
        KeycloakRealm.ensureMember(keycloak.organizationId(a.slug()).orElseThrow(), "staff@agency.example", org.lorkit.application.Roles.AGENCY_STAFF);
        agencyB = fixtures.agency().id();
        as.staff(agencyA, () -> {
            cohort = fixtures.cohort();
            owner = fixtures.student(cohort, Identities.OWNER_STUDENT);
            fixtures.student(cohort, Identities.OTHER_STUDENT);
            erasable = fixtures.student(cohort);
            attending = fixtures.attending("Internal Medicine");
            rotation = fixtures.rotation(owner, attending, 20);
            planned = letters.plan(new NewLetterRequest(owner.id(), attending.id(), rotation.id(), null));
            AttendingView yesAttending = fixtures.attending("Internal Medicine");
            RotationView yesRotation = fixtures.rotation(owner, yesAttending, 20);
            LetterRequestView second = letters.plan(new NewLetterRequest(owner.id(), yesAttending.id(), yesRotation.id(), null));
            letters.moveTo(second.id(), LetterState.ASKED, null);
            strongYes = letters.moveTo(second.id(), LetterState.STRONG_YES, null);
            AttendingView sentAttending = fixtures.attending("Internal Medicine");
            RotationView sentRotation = fixtures.rotation(owner, sentAttending, 20);
            LetterRequestView third = letters.plan(new NewLetterRequest(owner.id(), sentAttending.id(), sentRotation.id(), null));
            letters.moveTo(third.id(), LetterState.ASKED, null);
            letters.moveTo(third.id(), LetterState.STRONG_YES, null);
            kitSent = letters.markKitSent(third.id());
            planAttending = fixtures.attending("Internal Medicine");
            planRotation = fixtures.rotation(owner, planAttending, 20);
            recordsOfA.addAll(List.of(yesAttending.id(), yesRotation.id(), kitSent.id(), sentAttending.id(), sentRotation.id(),
                    planAttending.id(), planRotation.id()));
            askAttending = fixtures.attending("Internal Medicine");
            askRotation = fixtures.rotation(owner, askAttending, 25);
            recordsOfA.addAll(List.of(cohort.id(), owner.id(), attending.id(), rotation.id(), planned.id(), strongYes.id(),
                    askRotation.id(), askAttending.id()));
            return null;
        });
        ownerDocument = as.ownerStudent(agencyA, () -> documents.upload(org.lorkit.domain.document.DocumentKind.CV, "cv.pdf",
                SamplePdfs.pages(1, "CV of the owner")));
        // A kit with everything in it, for the send probe.
        RotationView readyRotation = as.staff(agencyA, () -> fixtures.rotation(owner, attending, 20));
        readyKit = as.ownerStudent(agencyA, () -> {
            documents.upload(org.lorkit.domain.document.DocumentKind.PERSONAL_STATEMENT, "ps.pdf", SamplePdfs.pages(1, "Statement"));
            worklog.keepBullets(readyRotation.id(), List.of("one", "two", "three", "four", "five"));
            long id = letters.plan(new NewLetterRequest(owner.id(), attending.id(), readyRotation.id(), null)).id();
            letters.moveTo(id, LetterState.ASKED, null);
            LetterRequestView yes = letters.moveTo(id, LetterState.STRONG_YES, null);
            kits.prepare(id, "12345678", null, fixtures.today().plusDays(21), "INTERNAL_MEDICINE");
            kits.confirmWriterInEras(id, true);
            return yes;
        });
        recordsOfA.addAll(List.of(readyRotation.id(), readyKit.id()));
        // An address that complained, for the probes of the suppression list.
        recordsOfA.add(bounce.suppress(agencyA, Fixtures.unique("complained") + "@hospital.example"));
        // A kit whose email bounced, for the address correction probe.
        bouncedKit = as.staff(agencyA, () -> {
            AttendingView other = fixtures.attending("Internal Medicine");
            RotationView bouncedRotation = fixtures.rotation(owner, other, 20);
            long id = letters.plan(new NewLetterRequest(owner.id(), other.id(), bouncedRotation.id(), null)).id();
            letters.moveTo(id, LetterState.ASKED, null);
            letters.moveTo(id, LetterState.STRONG_YES, null);
            LetterRequestView sent = letters.markKitSent(id);
            recordsOfA.addAll(List.of(other.id(), bouncedRotation.id(), sent.id()));
            return sent;
        });
        bounce.markBounced(agencyA, bouncedKit.id());
        RotationView[] answeredRotation = new RotationView[1];
        AttendingView answeredAttending = as.staff(agencyA, () -> {
            AttendingView maybe = fixtures.attending("Internal Medicine");
            answeredRotation[0] = fixtures.rotation(owner, maybe, 20);
            return maybe;
        });
        answered = as.ownerStudent(agencyA, () -> asks.recordAnswer(answeredRotation[0].id(), answeredAttending.id(),
                org.lorkit.domain.letter.AnswerHeard.MAYBE_IF_TIME, "Maybe, if I have time.")).request();
        recordsOfA.addAll(List.of(answeredAttending.id(), answeredRotation[0].id(), answered.id()));
        recordsOfA.add(ownerDocument.id());
        previewedImport = as.staff(agencyA, () -> roster.preview(RosterRows.csv(List.of(
                RosterRows.row(cohort.name(), Fixtures.unique("matrix") + "-", 1, 0, 1))))).importId();
        storedImport = as.staff(agencyA, () -> roster.preview(RosterRows.csv(List.of(
                RosterRows.row(cohort.name(), Fixtures.unique("matrix") + "-", 1, 0, 1))))).importId();
        as.staff(agencyA, () -> roster.confirm(storedImport));
        assertThat(RosterRows.awaitFinished(as, roster, agencyA, storedImport, Duration.ofMinutes(1)).state())
                .isEqualTo(ImportState.DONE);
        memberOfA = as.admin(agencyA, () -> provisioning.inviteStaff(Fixtures.unique("member") + "@agency.example", "Member", "OfA")).id();
        recordsOfA.add((long) memberOfA.hashCode());
        apiClientOfA = as.admin(agencyA, () -> apiClients.create("Matrix system")).client().id();
        recordsOfA.add(apiClientOfA);
        java.util.Set<org.lorkit.domain.webhook.WebhookEventType> states = java.util.EnumSet.of(
                org.lorkit.domain.webhook.WebhookEventType.LETTER_STATE_CHANGED);
        hookOfA = as.admin(agencyA, () -> webhooks.register("http://127.0.0.1:9/" + Fixtures.unique("matrix"), states)).endpoint().id();
        deletableHookOfA = as.admin(agencyA, () -> webhooks.register("http://127.0.0.1:9/" + Fixtures.unique("matrix"), states))
                .endpoint().id();
        recordsOfA.addAll(List.of(hookOfA, deletableHookOfA));
    }
}
