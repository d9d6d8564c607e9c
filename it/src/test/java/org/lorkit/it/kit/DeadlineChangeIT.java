package org.lorkit.it.kit;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.cohort.NewCohort;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.dashboard.Standing;
import org.lorkit.application.dashboard.StudentQuery;
import org.lorkit.application.dashboard.StudentStanding;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.letter.LetterEventView;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.link.AttendingLinkService;
import org.lorkit.application.link.AttendingLinkService.Answer;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentService;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.link.LinkPurpose;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.InsideLorKit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A deadline that can move (issue 17, item 4) and the student's own submit date (item 5): the student or staff move a
 * sent kit's deadline, the writer is told by a short email with the new date (and an updated calendar event),
 * reminders follow the new date for a writer who confirmed and keep counting from the kit for one who did not, a
 * deadline after the student's own submit date is refused and changes nothing, and the dashboard's at-risk rule
 * reads the student's own date.
 */
class DeadlineChangeIT extends InsideLorKit {
    private static final Pattern CONFIRM_LINK = Pattern.compile("/a/confirm\\.xhtml\\?t=([A-Za-z0-9_-]{43})");
    /** How the emails write a day. */

    @Inject
    KitService kits;
    @Inject
    LetterRequestService letters;
    @Inject
    StudentService students;
    @Inject
    CohortService cohorts;
    @Inject
    CompletionDashboard dashboard;
    @Inject
    AttendingLinkService links;
    @Inject
    OutboxSender sender;
    @Inject
    Clocks clocks;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    private long agency;
    private LocalDate today;
    private CohortView cohort;
    private StudentView student;
    /** Confirms in a test that needs it; otherwise silent. */
    private AttendingView patel;
    private AttendingView silent;
    private long patelRequest;
    private long silentRequest;

    /**
     * A cohort whose ERAS season is open (it submits in 90 days), and its student's kits sent today to two
     * attendings, their kit emails received.
     */
    @BeforeEach
    void twoKitsSentToday() throws Exception {
        agency = fixtures.agency().id();
        today = fixtures.today();
        RotationView[] rotations = new RotationView[2];
        as.staff(agency, () -> {
            cohort = cohorts.create(new NewCohort(Fixtures.unique("IM open season"), 2028, "Internal Medicine",
                    today.minusDays(30), today.plusDays(90), today.plusDays(100)));
            student = fixtures.student(cohort, Identities.OWNER_STUDENT);
            patel = fixtures.attending("Internal Medicine");
            silent = fixtures.attending("Internal Medicine");
            rotations[0] = fixtures.rotation(student, patel, 24);
            rotations[1] = fixtures.rotation(student, silent, 24);
            return null;
        });
        patelRequest = fixtures.readyKit(agency, student, patel, rotations[0]);
        silentRequest = fixtures.readyKit(agency, student, silent, rotations[1]);
        as.ownerStudent(agency, () -> kits.send(patelRequest));
        as.ownerStudent(agency, () -> kits.send(silentRequest));
        sender.sendDue();
        assertThat(Inbox.await(patel.email(), 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(Inbox.await(silent.email(), 1, Duration.ofSeconds(20))).hasSize(1);
    }

    @AfterEach
    void backToRealTime() {
        clocks.reset();
    }

    private LocalDate deadline(long request) {
        return as.ownerStudent(agency, () -> letters.find(request)).orElseThrow().deadline();
    }

    private LetterState state(long request) {
        return as.ownerStudent(agency, () -> letters.find(request)).orElseThrow().state();
    }

    private List<LetterEventView> history(long request) {
        return as.ownerStudent(agency, () -> letters.history(request));
    }

    private static List<String> subjects(String address) throws Exception {
        return Inbox.read(address).stream().map(Inbox.Mail::subject).toList();
    }

    private int deadlineMailsQueued(long request) throws Exception {
        try (Connection db = dataSource.getConnection();
             PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM outbox_email WHERE agency_id = ? AND letter_request_id = ? "
                     + "AND kind = 'DEADLINE_CHANGED'")) {
            count.setLong(1, agency);
            count.setLong(2, request);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    @Test
    void the_student_moves_the_deadline_and_the_writer_gets_a_short_email_with_the_new_date_and_calendar_event() throws Exception {
        LocalDate before = deadline(patelRequest);
        LocalDate moved = today.plusDays(35);

        as.ownerStudent(agency, () -> kits.changeDeadline(patelRequest, moved));
        sender.sendDue();

        List<Inbox.Mail> mails = Inbox.await(patel.email(), 2, Duration.ofSeconds(20));
        assertThat(mails).hasSize(2);
        Inbox.Mail news = mails.get(1);
        assertThat(news.subject()).isEqualTo("A new deadline for Amara Okafor's letter of recommendation");
        assertThat(news.text()).contains("the deadline is now " + Dates.weekdayAndDay(moved), "Nothing else has changed",
                "http://localhost:8080/a/kit.xhtml?t=");
        assertThat(news.ics()).as("the calendar event is the kit's, one version on, on the new day")
                .contains("UID:letter-" + patelRequest + "@lorkit", "SEQUENCE:1",
                        "DTSTART;VALUE=DATE:" + DateTimeFormatter.BASIC_ISO_DATE.format(moved));
        assertThat(deadline(patelRequest)).isEqualTo(moved);
        assertThat(state(patelRequest)).isEqualTo(LetterState.KIT_SENT);
        LetterEventView event = history(patelRequest).get(history(patelRequest).size() - 1);
        assertThat(event.reason()).isEqualTo("deadline moved from " + Dates.day(before) + " to " + Dates.day(moved));
        assertThat(event.actor()).isEqualTo(Identities.OWNER_STUDENT);
        assertThat(event.stateChanged()).isFalse();
        assertThat(subjects(silent.email())).as("the other writer hears nothing").hasSize(1);

        // The same date again changes and sends nothing.
        as.ownerStudent(agency, () -> kits.changeDeadline(patelRequest, moved));
        assertThat(deadlineMailsQueued(patelRequest)).isEqualTo(1);
    }

    @Test
    void staff_can_move_the_deadline_too_and_the_history_names_them() throws Exception {
        LocalDate moved = today.plusDays(30);

        as.staff(agency, () -> kits.changeDeadline(silentRequest, moved));
        sender.sendDue();

        List<Inbox.Mail> mails = Inbox.await(silent.email(), 2, Duration.ofSeconds(20));
        assertThat(mails).extracting(Inbox.Mail::subject).endsWith("A new deadline for Amara Okafor's letter of recommendation");
        assertThat(mails.get(mails.size() - 1).text()).contains("the deadline is now " + Dates.weekdayAndDay(moved));
        List<LetterEventView> events = history(silentRequest);
        assertThat(events.get(events.size() - 1).actor()).isEqualTo("staff@agency.example");
        assertThat(events.get(events.size() - 1).reason()).endsWith(" to " + Dates.day(moved));
        assertThat(as.staff(agency, () -> kits.deadlineChoice(silentRequest)).deadline()).isEqualTo(moved);
    }

    @Test
    void a_deadline_after_the_students_own_submit_date_is_refused_and_nothing_changes() throws Exception {
        LocalDate ownSubmit = today.plusDays(30);
        as.ownerStudent(agency, () -> students.planSubmission(student.id(), ownSubmit));
        LocalDate before = deadline(patelRequest);
        int events = history(patelRequest).size();

        KitService.DeadlineChoice choice = as.ownerStudent(agency, () -> kits.deadlineChoice(patelRequest));
        assertThat(choice.latest()).isEqualTo(ownSubmit);
        assertThat(choice.bySubmitDate()).isTrue();
        assertThat(choice.ownSubmitDate()).isTrue();
        assertThatThrownBy(() -> as.ownerStudent(agency, () -> kits.changeDeadline(patelRequest, ownSubmit.plusDays(1))))
                .isInstanceOf(DomainException.class)
                .hasMessage("That is after the planned ERAS submit date, " + Dates.day(ownSubmit) + ": choose " + Dates.day(ownSubmit)
                        + " or earlier")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("deadline");
        assertThatThrownBy(() -> as.staff(agency, () -> kits.changeDeadline(patelRequest, ownSubmit.plusDays(1))))
                .as("staff keep to the same limit").isInstanceOf(DomainException.class);

        assertThat(deadline(patelRequest)).isEqualTo(before);
        assertThat(history(patelRequest)).hasSize(events);
        assertThat(deadlineMailsQueued(patelRequest)).isZero();

        as.ownerStudent(agency, () -> kits.changeDeadline(patelRequest, ownSubmit));
        assertThat(deadline(patelRequest)).as("the submit date itself is allowed").isEqualTo(ownSubmit);
    }

    @Test
    void the_students_own_submit_date_is_checked_and_clearing_it_goes_back_to_the_cohorts() {
        assertThatThrownBy(() -> as.ownerStudent(agency, () -> students.planSubmission(student.id(), today.minusDays(1))))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("The submit date cannot be in the past")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("plannedSubmitOn");
        assertThatThrownBy(() -> as.ownerStudent(agency, () -> students.planSubmission(student.id(), LocalDate.of(2028, 1, 1))))
                .isInstanceOf(DomainException.class).hasMessageStartingWith("That is after the application season of");

        StudentService.SubmitDate own = as.ownerStudent(agency, () -> students.planSubmission(student.id(), today.plusDays(40)));
        assertThat(own.isOwn()).isTrue();
        assertThat(own.effective()).isEqualTo(today.plusDays(40));
        assertThat(own.cohortDate()).isEqualTo(today.plusDays(90));

        StudentService.SubmitDate back = as.staff(agency, () -> students.planSubmission(student.id(), null));
        assertThat(back.isOwn()).isFalse();
        assertThat(back.effective()).isEqualTo(today.plusDays(90));
    }

    /**
     * The writer who confirmed waits for the agreed deadline: moved from 24 to 35 days out, no reminder comes at 30
     * days, and the first comes once the new date is reached, naming it and the student's own submit date.
     */
    @Test
    void a_confirmed_writer_is_reminded_on_the_new_deadline_not_the_old_one() throws Exception {
        Matcher confirm = CONFIRM_LINK.matcher(Inbox.read(patel.email()).get(0).text());
        assertThat(confirm.find()).isTrue();
        links.answer(confirm.group(1), LinkPurpose.CONFIRM, Answer.CONFIRM, null, null, "127.0.0.1");
        assertThat(state(patelRequest)).isEqualTo(LetterState.CONFIRMED);
        LocalDate ownSubmit = today.plusDays(60);
        as.ownerStudent(agency, () -> students.planSubmission(student.id(), ownSubmit));
        LocalDate moved = today.plusDays(35);
        as.ownerStudent(agency, () -> kits.changeDeadline(patelRequest, moved));
        sender.sendDue();
        assertThat(Inbox.await(patel.email(), 2, Duration.ofSeconds(20))).hasSize(2);

        fixtures.daysPass(agency, 30);
        assertThat(state(patelRequest)).as("the old deadline has passed, the new one not").isEqualTo(LetterState.CONFIRMED);
        assertThat(subjects(patel.email())).hasSize(2);

        fixtures.daysPass(agency, 6);
        assertThat(state(patelRequest)).isEqualTo(LetterState.REMINDED_1);
        List<Inbox.Mail> mails = Inbox.await(patel.email(), 3, Duration.ofSeconds(20));
        assertThat(mails.get(2).subject()).isEqualTo("Gentle reminder: letter of recommendation for Amara Okafor");
        assertThat(mails.get(2).text()).contains("The deadline is " + Dates.weekdayAndDay(moved),
                "plans to submit their ERAS application on " + Dates.day(ownSubmit));
    }

    /** A writer who has not confirmed is reminded two weeks after the kit (the guide's 2 to 3 weeks), with the new date. */
    @Test
    void a_writer_who_has_not_confirmed_is_still_reminded_two_weeks_after_the_kit_with_the_new_deadline() throws Exception {
        LocalDate moved = today.plusDays(35);
        as.ownerStudent(agency, () -> kits.changeDeadline(silentRequest, moved));
        sender.sendDue();
        assertThat(Inbox.await(silent.email(), 2, Duration.ofSeconds(20))).hasSize(2);

        fixtures.daysPass(agency, 15);

        assertThat(state(silentRequest)).isEqualTo(LetterState.REMINDED_1);
        List<Inbox.Mail> mails = Inbox.await(silent.email(), 3, Duration.ofSeconds(20));
        assertThat(mails.get(2).text()).contains("The deadline is " + Dates.weekdayAndDay(moved));
    }

    /**
     * One email a day per request and kind: a second move the same day, once the first email went out, is not lost;
     * it goes at the start of the next day, with the latest date.
     */
    @Test
    void a_second_move_the_same_day_after_the_first_email_went_out_reaches_the_writer_the_next_day() throws Exception {
        as.ownerStudent(agency, () -> kits.changeDeadline(silentRequest, today.plusDays(30)));
        sender.sendDue();
        assertThat(Inbox.await(silent.email(), 2, Duration.ofSeconds(20))).hasSize(2);

        LocalDate latest = today.plusDays(33);
        as.ownerStudent(agency, () -> kits.changeDeadline(silentRequest, latest));
        sender.sendDue();
        assertThat(deadlineMailsQueued(silentRequest)).isEqualTo(2);

        fixtures.daysPass(agency, 1);
        List<Inbox.Mail> mails = Inbox.await(silent.email(), 3, Duration.ofSeconds(20));
        assertThat(mails).hasSize(3);
        assertThat(mails.get(2).text()).contains("the deadline is now " + Dates.weekdayAndDay(latest));
    }

    /** Item 5: the at-risk rule reads the student's own submit date where set, the cohort's otherwise. */
    @Test
    void the_at_risk_rule_uses_the_students_own_submit_date() {
        StudentView early = as.staff(agency, () -> fixtures.student(cohort));
        StudentView onCohortDate = as.staff(agency, () -> fixtures.student(cohort));

        as.staff(agency, () -> students.planSubmission(early.id(), today.plusDays(10)));

        CompletionDashboard.StudentPage atRisk = as.staff(agency, () -> dashboard.students(
                new StudentQuery(cohort.id(), Standing.AT_RISK, null, null, "name", true, 0, 25, null)));
        assertThat(atRisk.rows()).extracting(StudentStanding::studentId).contains(early.id()).doesNotContain(onCohortDate.id());
        StudentStanding row = atRisk.rows().stream().filter(r -> r.studentId() == early.id()).findFirst().orElseThrow();
        assertThat(row.submitOn()).isEqualTo(today.plusDays(10));
        assertThat(atRisk.reasons(row)).containsExactly("0 strong letters, submits in 10 days");
        assertThat(as.staff(agency, () -> dashboard.timeline(early.id())).submitOn()).isEqualTo(today.plusDays(10));
        assertThat(as.staff(agency, () -> dashboard.timeline(onCohortDate.id())).submitOn()).isEqualTo(today.plusDays(90));
    }
}
