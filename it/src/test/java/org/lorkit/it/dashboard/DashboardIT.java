package org.lorkit.it.dashboard;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.attending.AttendingService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.attending.NewAttending;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.cohort.NewCohort;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.dashboard.DashboardFigures;
import org.lorkit.application.dashboard.Standing;
import org.lorkit.application.dashboard.StudentQuery;
import org.lorkit.application.dashboard.StudentStanding;
import org.lorkit.application.dashboard.StudentTimeline;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.NewLetterRequest;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.rotation.NewRotation;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.NewStudent;
import org.lorkit.application.student.StudentService;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.InsideLorKit;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lorkit.domain.letter.LetterState.*;

/**
 * The completion dashboard against a fixture computed by hand: eight students in two cohorts, one submitting
 * exactly at the at-risk horizon (30 days) and one a day after it, with letters in every kind of state.
 */
class DashboardIT extends InsideLorKit {
    @Inject
    CompletionDashboard dashboard;
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
    OutboxSender sender;

    private final LocalDate today = LocalDate.now(org.lorkit.it.support.Fixtures.AGENCY_ZONE);
    private long agency;
    private CohortView atHorizon;
    private CohortView afterHorizon;
    private StudentView reachedGoal;
    private StudentView notComing;

    /**
     * Cohort "at horizon" submits in 30 days, cohort "after horizon" in 31.
     * <pre>
     * student            cohort  letters (US clinical unless said)            standing
     * Adaeze  (a1)       at      none                                         at risk: 0 strong, submits in 30 days
     * Bilal   (a2)       at      STRONG_YES, KIT_SENT                         on track: 2 strong
     * Carmen  (a3)       at      SUBMITTED, SUBMITTED (internal medicine)     at goal
     * Dmitri  (a4)       at      KIT_SENT, DECLINED                           at risk: 1 strong
     * Elif    (b1)       after   none                                         on track: submits after the horizon
     * Farid   (b2)       after   NOT_COMING                                   at risk: not coming after two reminders
     * Grace   (b3)       after   SUBMITTED, SUBMITTED (family medicine)       on track: no letter in the target specialty
     * Hiroshi (b4)       after   ASKED 40 days after the rotation, WITHDRAWN  at risk: ask outside the window
     * </pre>
     */
    @BeforeEach
    void eightStudentsInTwoCohorts() {
        agency = fixtures.agency().id();
        as.staff(agency, () -> {
            atHorizon = cohorts.create(new NewCohort(Fixtures.unique("IM at horizon"), 2028, "Internal Medicine",
                    today.minusDays(60), today.plusDays(30), today.plusDays(45)));
            afterHorizon = cohorts.create(new NewCohort(Fixtures.unique("IM after horizon"), 2028, "Internal Medicine",
                    today.minusDays(60), today.plusDays(31), today.plusDays(45)));

            StudentView a1 = student(atHorizon, "Adaeze Obi");
            rotation(a1, 3, im());
            StudentView a2 = student(atHorizon, "Bilal Khan");
            List<Long> b = requests(a2, 3, im(), im());
            move(b.get(0), ASKED, STRONG_YES);
            move(b.get(1), ASKED, STRONG_YES, KIT_SENT);
            reachedGoal = student(atHorizon, "Carmen Diaz");
            List<Long> c = requests(reachedGoal, 3, im(), im());
            move(c.get(0), ASKED, STRONG_YES, KIT_SENT, SUBMITTED);
            move(c.get(1), ASKED, STRONG_YES, KIT_SENT, SUBMITTED);
            StudentView a4 = student(atHorizon, "Dmitri Ivanov");
            List<Long> d = requests(a4, 3, im(), im());
            move(d.get(0), ASKED, STRONG_YES, KIT_SENT);
            move(d.get(1), ASKED, DECLINED);

            student(afterHorizon, "Elif Yilmaz");
            notComing = student(afterHorizon, "Farid Haddad");
            move(requests(notComing, 3, im()).get(0), ASKED, STRONG_YES, KIT_SENT, REMINDED_1, REMINDED_2, NOT_COMING);
            StudentView b3 = student(afterHorizon, "Grace Lee");
            AttendingView fm1 = attending("Family Medicine");
            AttendingView fm2 = attending("Family Medicine");
            List<Long> g = requests(b3, 3, "Family Medicine", fm1, fm2);
            move(g.get(0), ASKED, STRONG_YES, KIT_SENT, SUBMITTED);
            move(g.get(1), ASKED, STRONG_YES, KIT_SENT, SUBMITTED);
            StudentView b4 = student(afterHorizon, "Hiroshi Sato");
            List<Long> h = requests(b4, 40, im(), im());
            move(h.get(0), ASKED);
            move(h.get(1), WITHDRAWN);
        });
    }

    @Test
    void the_headline_figures_letters_by_state_and_funnel_match_the_fixture() {
        DashboardFigures all = as.staff(agency, () -> dashboard.figures(null));

        assertThat(all.students()).isEqualTo(8);
        assertThat(all.standings()).containsExactlyInAnyOrderEntriesOf(Map.of(Standing.AT_GOAL, 1L, Standing.ON_TRACK, 3L, Standing.AT_RISK, 4L));
        assertThat(all.letters()).containsEntry(STRONG_YES, 1L).containsEntry(KIT_SENT, 2L).containsEntry(SUBMITTED, 4L)
                .containsEntry(DECLINED, 1L).containsEntry(NOT_COMING, 1L).containsEntry(ASKED, 1L).containsEntry(WITHDRAWN, 1L)
                .containsEntry(PLANNED, 0L).containsEntry(CONFIRMED, 0L);
        assertThat(all.funnel()).extracting(DashboardFigures.FunnelStage::count).containsExactly(7L, 0L, 10L, 8L, 7L, 4L, 4L);

        DashboardFigures first = as.staff(agency, () -> dashboard.figures(atHorizon.id()));
        assertThat(first.standings()).containsExactlyInAnyOrderEntriesOf(Map.of(Standing.AT_GOAL, 1L, Standing.ON_TRACK, 1L, Standing.AT_RISK, 2L));
        DashboardFigures second = as.staff(agency, () -> dashboard.figures(afterHorizon.id()));
        assertThat(second.standings()).containsExactlyInAnyOrderEntriesOf(Map.of(Standing.AT_GOAL, 0L, Standing.ON_TRACK, 2L, Standing.AT_RISK, 2L));
        assertThat(second.funnel().get(0).count()).as("rotations of the second cohort").isEqualTo(3);
    }

    @Test
    void the_at_risk_list_names_each_student_with_the_reason_sorted_and_paged_in_the_database() {
        CompletionDashboard.StudentPage firstPage = as.staff(agency, () -> dashboard.students(
                new StudentQuery(null, Standing.AT_RISK, null, null, "name", true, 0, 3, null)));

        assertThat(firstPage.total()).isEqualTo(4);
        assertThat(firstPage.rows()).extracting(StudentStanding::name).containsExactly("Adaeze Obi", "Dmitri Ivanov", "Farid Haddad");
        assertThat(firstPage.reasons(firstPage.rows().get(0))).containsExactly("0 strong letters, submits in 30 days");
        assertThat(firstPage.reasons(firstPage.rows().get(1))).containsExactly("1 strong letter, submits in 30 days");
        assertThat(firstPage.reasons(firstPage.rows().get(2))).containsExactly("1 not coming after two reminders");

        CompletionDashboard.StudentPage secondPage = as.staff(agency, () -> dashboard.students(
                new StudentQuery(null, Standing.AT_RISK, null, null, "name", true, 3, 3, null)));
        assertThat(secondPage.rows()).extracting(StudentStanding::name).containsExactly("Hiroshi Sato");
        assertThat(secondPage.reasons(secondPage.rows().get(0))).containsExactly("1 ask outside the window");

        CompletionDashboard.StudentPage descending = as.staff(agency, () -> dashboard.students(
                new StudentQuery(null, Standing.AT_RISK, null, null, "name", false, 0, 2, null)));
        assertThat(descending.rows()).extracting(StudentStanding::name).containsExactly("Hiroshi Sato", "Farid Haddad");
    }

    @Test
    void a_figure_drills_down_to_its_students_and_a_search_narrows_them() {
        var declined = as.staff(agency, () -> dashboard.students(new StudentQuery(null, null, DECLINED, null, "name", true, 0, 25, null)));
        assertThat(declined.rows()).extracting(StudentStanding::name).containsExactly("Dmitri Ivanov");

        var onTrack = as.staff(agency, () -> dashboard.students(new StudentQuery(afterHorizon.id(), Standing.ON_TRACK, null, null, "name", true, 0, 25, null)));
        assertThat(onTrack.rows()).extracting(StudentStanding::name).containsExactly("Elif Yilmaz", "Grace Lee");

        var found = as.staff(agency, () -> dashboard.students(new StudentQuery(null, null, null, "carmen", "name", true, 0, 25, null)));
        assertThat(found.rows()).singleElement().satisfies(row -> {
            assertThat(row.standing()).isEqualTo(Standing.AT_GOAL);
            assertThat(row.securedLetters()).isEqualTo(2);
        });
        var uploaded = as.staff(agency, () -> dashboard.students(new StudentQuery(null, null, null, null, "name", true, 0, 25,
                org.lorkit.application.dashboard.FunnelStep.UPLOADED)));
        assertThat(uploaded.rows()).extracting(StudentStanding::name).containsExactly("Carmen Diaz", "Grace Lee");
        var rotations = as.staff(agency, () -> dashboard.students(new StudentQuery(null, null, null, null, "name", true, 0, 25,
                org.lorkit.application.dashboard.FunnelStep.ROTATION)));
        assertThat(rotations.total()).as("everyone but Elif, who has no rotation").isEqualTo(7);

        var percent = as.staff(agency, () -> dashboard.students(new StudentQuery(null, null, null, "%", "name", true, 0, 25, null)));
        assertThat(percent.total()).as("a % typed in the search is a character, not a wildcard").isZero();
    }

    @Test
    void the_csv_export_holds_exactly_the_filtered_rows() {
        String csv = as.staff(agency, () -> dashboard.exportCsv(new StudentQuery(null, Standing.AT_RISK, null, null, "name", true, 0, 1, null)).text());

        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("student,email,cohort,planned submit,strong letters,in ERAS,standing,reasons");
        assertThat(lines.get(1)).startsWith("Adaeze Obi,").contains("," + today.plusDays(30) + ",0,0,At risk,\"0 strong letters, submits in 30 days\"");
        assertThat(lines).extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly("student", "Adaeze Obi", "Dmitri Ivanov", "Farid Haddad", "Hiroshi Sato");
    }

    @Test
    void a_student_timeline_shows_every_event_and_staff_can_note_and_nudge_once_a_day() throws Exception {
        StudentTimeline timeline = as.staff(agency, () -> dashboard.timeline(reachedGoal.id()));
        assertThat(timeline.letters()).hasSize(2).allSatisfy(letter ->
                assertThat(letter.events()).extracting(e -> e.toState()).containsExactly(PLANNED, ASKED, STRONG_YES, KIT_SENT, SUBMITTED));

        as.staff(agency, () -> dashboard.addNote(notComing.id(), "Called Farid: he will ask Dr. Lee on Monday."));
        boolean first = as.staff(agency, () -> dashboard.nudge(notComing.id(), "Your letter from Dr. Patel is not coming: choose another writer this week."));
        boolean again = as.staff(agency, () -> dashboard.nudge(notComing.id(), "Second click"));
        sender.sendDue();

        assertThat(first).isTrue();
        assertThat(again).as("a second nudge the same day").isFalse();
        List<Inbox.Mail> mails = Inbox.await(notComing.email(), 1, Duration.ofSeconds(20));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).text()).contains("Hello Farid Haddad", "choose another writer this week", "/student/home.xhtml");
        assertThat(as.staff(agency, () -> dashboard.timeline(notComing.id())).notes()).extracting(StudentTimeline.Note::text)
                .containsExactly("Nudged by email: Your letter from Dr. Patel is not coming: choose another writer this week.",
                        "Called Farid: he will ask Dr. Lee on Monday.");
    }

    private StudentView student(CohortView cohort, String name) {
        return students.enroll(new NewStudent(cohort.id(), name, Fixtures.unique(name.split(" ")[0].toLowerCase()) + "@student.example",
                "University of Lagos", "Nigeria", "14029381", List.of("Internal Medicine")));
    }

    private AttendingView im() {
        return attending("Internal Medicine");
    }

    private AttendingView attending(String specialty) {
        return attendings.addToDirectory(new NewAttending("Dr. " + Fixtures.unique("Writer"), Fixtures.unique("writer") + "@hospital.example",
                AttendingTitle.ATTENDING, specialty, true, "St. Mary's Medical Center"));
    }

    private RotationView rotation(StudentView student, int endedDaysAgo, AttendingView... supervisors) {
        return rotation(student, endedDaysAgo, "Internal Medicine", supervisors);
    }

    private RotationView rotation(StudentView student, int endedDaysAgo, String specialty, AttendingView... supervisors) {
        RotationView rotation = rotations.place(new NewRotation(student.id(), "St. Mary's Medical Center", specialty,
                ClinicalSetting.INPATIENT, RotationKind.HANDS_ON, true, today.minusDays(endedDaysAgo + 27), today.minusDays(endedDaysAgo)));
        for (AttendingView supervisor : supervisors) {
            rotation = rotations.addSupervisor(rotation.id(), supervisor.id(), 24);
        }
        return rotation;
    }

    private List<Long> requests(StudentView student, int endedDaysAgo, AttendingView... writers) {
        return requests(student, endedDaysAgo, "Internal Medicine", writers);
    }

    private List<Long> requests(StudentView student, int endedDaysAgo, String specialty, AttendingView... writers) {
        RotationView rotation = rotation(student, endedDaysAgo, specialty, writers);
        // The letter speaks to the rotation's specialty, as a writer in that field would write it.
        return java.util.Arrays.stream(writers)
                .map(w -> letters.plan(new NewLetterRequest(student.id(), w.id(), rotation.id(), specialty)).id()).toList();
    }

    private void move(long request, LetterState... path) {
        for (LetterState state : path) {
            if (state == KIT_SENT) {
                letters.markKitSent(request);
            } else {
                letters.moveTo(request, state, null);
            }
        }
    }
}
