package org.lorkit.it.dashboard;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.advice.AskService;
import org.lorkit.application.advice.FeedbackService;
import org.lorkit.application.agency.AgencySettings;
import org.lorkit.application.agency.AgencySettingsService;
import org.lorkit.application.agency.LetterRules;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.dashboard.DashboardFigures;
import org.lorkit.application.dashboard.DashboardReads;
import org.lorkit.application.dashboard.DashboardReads.From;
import org.lorkit.application.dashboard.StudentQuery;
import org.lorkit.application.dashboard.StudentStanding;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.link.AttendingLinkService;
import org.lorkit.application.outbox.DeliveryProblems;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.roster.RosterRecords;
import org.lorkit.application.roster.RotationRecord;
import org.lorkit.application.roster.StudentRecord;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.rotation.NewRotation;
import org.lorkit.application.student.StudentErasureService;
import org.lorkit.application.student.StudentService;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.agency.AgencyRules.Rule;
import org.lorkit.domain.letter.AnswerHeard;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.link.LinkPurpose;
import org.lorkit.domain.outbox.DeliveryEventKind;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.infrastructure.tenancy.CurrentAgency;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.MailLinks;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kept standing rows (student_standing) stay exact (issue 20): each kind of input of a student's standing is
 * changed through the service that changes it, and after each, the rows as stored (before any dashboard view could
 * mend them) and the dashboard's figures and students table are held to today's SQL from scratch on the same data
 * (DashboardReads: every figure, the count and every row, field by field). A day passing is checked twice: the clock
 * alone (the dashboard rechecks before it reads), and with the sweep (which rechecks the stored rows).
 */
class StandingsIT extends InsideLorKit {
    private static final String CLIENT = "127.0.0.1";
    private static final String SITE = "St. Mary's Medical Center";

    @Inject
    CompletionDashboard dashboard;
    @Inject
    AskService asks;
    @Inject
    KitService kits;
    @Inject
    LetterRequestService letters;
    @Inject
    AttendingLinkService links;
    @Inject
    org.lorkit.application.link.LinkManagementService linkManagement;
    @Inject
    OutboxSender sender;
    @Inject
    DeliveryProblems problems;
    @Inject
    RosterRecords records;
    @Inject
    RotationService rotations;
    @Inject
    FeedbackService feedback;
    @Inject
    StudentService students;
    @Inject
    CohortService cohorts;
    @Inject
    AgencySettingsService settings;
    @Inject
    StudentErasureService erasure;
    @Inject
    Clocks clocks;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    private long agency;
    private CohortView cohort;
    private final List<String> checked = new ArrayList<>();

    @AfterEach
    void backToRealTime() {
        clocks.reset();
    }

    @Test
    void every_input_of_a_standing_keeps_the_kept_rows_equal_to_the_figures_from_scratch() throws Exception {
        agency = fixtures.agency().id();
        StudentView[] made = new StudentView[2];
        AttendingView[] writers = new AttendingView[3];
        RotationView[] placed = new RotationView[3];
        as.staff(agency, () -> {
            cohort = fixtures.cohort();
            made[0] = fixtures.student(cohort, Identities.OWNER_STUDENT);
            made[1] = fixtures.student(cohort);
            writers[0] = fixtures.attending("Internal Medicine");
            writers[1] = fixtures.attending("Internal Medicine");
            writers[2] = fixtures.attending("Family Medicine");
            for (int i = 0; i < 3; i++) {
                placed[i] = fixtures.rotation(made[0], writers[i], 24);
            }
            return null;
        });
        StudentView student = made[0];
        sameBothWays("rotations placed");

        long uploaded = fixtures.readyKit(agency, student, writers[0], placed[0]);
        long silent = fixtures.readyKit(agency, student, writers[1], placed[1]);
        sameBothWays("requests planned, asked, a strong yes, kits prepared with their deadlines");

        as.ownerStudent(agency, () -> kits.send(uploaded));
        as.ownerStudent(agency, () -> kits.send(silent));
        sender.sendDue();
        String kitToken = MailLinks.token(MailLinks.KIT_LINK, Inbox.await(writers[0].email(), 1, Duration.ofSeconds(20)).get(0).text());
        sameBothWays("kits sent");

        long answered = as.ownerStudent(agency, () -> asks.recordAnswer(placed[2].id(), writers[2].id(), AnswerHeard.STRONG_YES,
                "Yes, happy to write you a strong letter")).request().id();
        sameBothWays("an answer recorded (asked after the acceptable weeks: outside the window)");

        as.ownerStudent(agency, () -> letters.correctAnswer(answered, AnswerHeard.NOT_COMFORTABLE, "I misheard: it was a no"));
        sameBothWays("the answer corrected");

        links.answer(kitToken, LinkPurpose.KIT, AttendingLinkService.Answer.UPLOADED, null, null, CLIENT);
        sameBothWays("the writer's upload");

        as.ownerStudent(agency, () -> letters.reportReceivedInEras(uploaded));
        sameBothWays("the student's \"ERAS shows it\"");

        LocalDate sooner = fixtures.today().plusDays(8);
        as.ownerStudent(agency, () -> kits.changeDeadline(silent, sooner));
        sameBothWays("a deadline moved nearer");

        clocks.advance(Duration.ofDays(9));
        sameAsShown("nine days later, before any sweep: a deadline passed");

        fixtures.daysPass(agency, 6);
        assertThat(as.ownerStudent(agency, () -> letters.find(silent)).orElseThrow().state()).isEqualTo(LetterState.REMINDED_1);
        sameBothWays("the sweep: a reminder, and the day's recheck");

        long kitEmail = single("SELECT id FROM outbox_email WHERE agency_id = " + agency + " AND letter_request_id = " + silent
                + " AND kind = 'KIT'");
        CurrentAgency.callAs(agency, () -> problems.record(kitEmail, DeliveryEventKind.BOUNCED, "550 5.1.1 no such user",
                Fixtures.unique("standings-bounce")));
        sameBothWays("the kit email bounced");

        as.ownerStudent(agency, () -> linkManagement.resendLinks(silent));
        sameBothWays("fresh links sent after the bounce (the mail problem cleared)");

        as.staff(agency, () -> records.updateStudent(student.id(), new StudentRecord(null, student.fullName(), student.email(), "University of Lagos", "Nigeria",
                List.of("Family Medicine"))));
        sameBothWays("the target specialties changed");

        as.staff(agency, () -> records.updateRotation(placed[0].id(), new RotationRecord(null, null, SITE, "Family Medicine", "inpatient",
                "hands-on", true, "2026-10-01", "2026-11-30", null)));
        sameBothWays("a rotation's specialty and end date changed");

        as.staff(agency, () -> rotations.place(new NewRotation(made[1].id(), SITE, "Internal Medicine", ClinicalSetting.INPATIENT,
                RotationKind.HANDS_ON, true, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 28))));
        sameBothWays("a rotation placed for the other student");

        as.ownerStudent(agency, () -> feedback.record(placed[1].id(), writers[1].id(), "Keep reading around your patients", Set.of()));
        sameBothWays("a feedback check");

        LocalDate today = fixtures.today();
        as.staff(agency, () -> cohorts.update(cohort.id(), new org.lorkit.application.cohort.NewCohort(cohort.name(), 2028, "Internal Medicine",
                today.minusDays(60), today.plusDays(10), today.plusDays(45))));
        sameBothWays("the cohort's submit date within the at-risk horizon");

        as.ownerStudent(agency, () -> students.planSubmission(student.id(), today.plusDays(40)));
        sameBothWays("the student's own submit date, after the horizon");

        change(Rule.ACCEPTABLE_WEEKS_AFTER_END, 6);
        sameBothWays("the agency's acceptable weeks after a rotation");

        as.staff(agency, () -> cohorts.archive(cohort.id(), true));
        sameBothWays("the cohort archived");
        as.staff(agency, () -> cohorts.archive(cohort.id(), false));
        sameBothWays("the cohort active again");

        as.ownerStudent(agency, () -> letters.moveTo(silent, LetterState.WITHDRAWN, "asked someone else"));
        sameBothWays("a request withdrawn");

        clocks.reset();
        sameAsShown("the clock back to today (rows counted on a later day are counted again)");

        as.staff(agency, () -> erasure.erase(student.id(), student.email()));
        assertThat(single("SELECT COUNT(*) FROM student_standing WHERE student_id = " + student.id())).as("the erased student's row").isZero();
        sameBothWays("the student erased");

        assertThat(checked).as("steps checked").hasSize(24);
    }

    /** The admin changes one number of the letter rules, keeping the rest of the settings. */
    private void change(Rule rule, int value) {
        as.admin(agency, () -> {
            AgencySettings current = settings.current();
            LetterRules rules = current.rules().with(rule, value);
            return settings.update(new AgencySettings(current.senderName(), current.replyTo(), current.timeZone(), rules));
        });
    }

    /** The rows as stored right after the change, then what the dashboard shows: both equal to the computation from scratch. */
    private void sameBothWays(String after) throws Exception {
        try (Connection db = dataSource.getConnection()) {
            sameAsScratch(after + " (rows as stored)", DashboardReads.over(db));
        }
        sameAsShown(after);
    }

    /** What the dashboard shows (it first counts again the rows a date made due) equals the computation from scratch. */
    private void sameAsShown(String after) throws Exception {
        LocalDate today = fixtures.today();
        AgencyRules rules = rules();
        for (Long scope : new Long[]{null, cohort.id()}) {
            DashboardFigures shown = as.staff(agency, () -> dashboard.figures(scope));
            CompletionDashboard.StudentPage page = as.staff(agency, () -> dashboard.students(everyone(scope)));
            try (Connection db = dataSource.getConnection()) {
                DashboardReads.Runner jdbc = DashboardReads.over(db);
                DashboardFigures scratch = DashboardReads.figures(jdbc, From.SCRATCH, agency, scope, today, rules, null);
                assertThat(shown.standings()).as(after + ": students by standing shown").isEqualTo(scratch.standings());
                assertThat(shown.letters()).as(after + ": letters by state shown").isEqualTo(scratch.letters());
                assertThat(shown.funnel()).as(after + ": funnel shown").isEqualTo(scratch.funnel());
                assertThat(page.rows()).as(after + ": students table shown")
                        .isEqualTo(DashboardReads.rows(jdbc, From.SCRATCH, agency, everyone(scope), today, rules, 0, 500));
                assertThat(page.total()).isEqualTo(DashboardReads.count(jdbc, From.SCRATCH, agency, everyone(scope), today, rules));
                sameAsScratch(after + " (rows after the view)", jdbc);
            }
        }
        checked.add(after);
    }

    /** The kept rows read over JDBC as they are (no recheck) against the computation from scratch, for the agency and the cohort. */
    private void sameAsScratch(String after, DashboardReads.Runner jdbc) {
        LocalDate today = fixtures.today();
        AgencyRules rules = rules();
        for (Long scope : new Long[]{null, cohort.id()}) {
            DashboardFigures kept = DashboardReads.figures(jdbc, From.KEPT_ROWS, agency, scope, today, rules, null);
            DashboardFigures scratch = DashboardReads.figures(jdbc, From.SCRATCH, agency, scope, today, rules, null);
            assertThat(kept.standings()).as(after + ": students by standing").isEqualTo(scratch.standings());
            assertThat(kept.letters()).as(after + ": letters by state").isEqualTo(scratch.letters());
            assertThat(kept.funnel()).as(after + ": funnel").isEqualTo(scratch.funnel());
            List<StudentStanding> keptRows = DashboardReads.rows(jdbc, From.KEPT_ROWS, agency, everyone(scope), today, rules, 0, 500);
            assertThat(keptRows).as(after + ": every student's row")
                    .isEqualTo(DashboardReads.rows(jdbc, From.SCRATCH, agency, everyone(scope), today, rules, 0, 500));
            for (LetterState state : LetterState.values()) {
                StudentQuery withState = new StudentQuery(scope, null, state, null, "name", true, 0, 500, null);
                assertThat(DashboardReads.rows(jdbc, From.KEPT_ROWS, agency, withState, today, rules, 0, 500)).as(after + ": students with a letter " + state)
                        .isEqualTo(DashboardReads.rows(jdbc, From.SCRATCH, agency, withState, today, rules, 0, 500));
            }
            for (org.lorkit.application.dashboard.FunnelStep step : org.lorkit.application.dashboard.FunnelStep.values()) {
                StudentQuery reached = new StudentQuery(scope, null, null, null, "name", true, 0, 500, step);
                assertThat(DashboardReads.rows(jdbc, From.KEPT_ROWS, agency, reached, today, rules, 0, 500)).as(after + ": students who reached " + step)
                        .isEqualTo(DashboardReads.rows(jdbc, From.SCRATCH, agency, reached, today, rules, 0, 500));
            }
        }
    }

    private static StudentQuery everyone(Long scope) {
        return new StudentQuery(scope, null, null, null, "risk", false, 0, 500, null);
    }

    private AgencyRules rules() {
        return as.admin(agency, () -> settings.current()).rules().toRules();
    }

    private long single(String sql) throws Exception {
        try (Connection db = dataSource.getConnection(); ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
