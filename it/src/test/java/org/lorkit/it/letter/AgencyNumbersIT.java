package org.lorkit.it.letter;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.advice.AdviceService;
import org.lorkit.application.advice.AskService;
import org.lorkit.application.agency.AgencySettings;
import org.lorkit.application.agency.AgencySettingsService;
import org.lorkit.application.agency.LetterRules;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.cohort.NewCohort;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.dashboard.Standing;
import org.lorkit.application.dashboard.StudentQuery;
import org.lorkit.application.dashboard.StudentStanding;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.NewLetterRequest;
import org.lorkit.application.reminder.ReminderScheduler;
import org.lorkit.application.rotation.NewRotation;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.NewStudent;
import org.lorkit.application.student.StudentService;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.advice.NextAction;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.agency.AgencyRules.Rule;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.rotation.AskWindow;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.InsideLorKit;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The agency's numbers (issue 17, items 9 and 7): an admin changes them through the settings service, and the next
 * computation uses them: the student's ask advice and ask script, the reminders the sweep sends, and who the dashboard
 * counts at risk. A number out of its bound is refused, naming its field, and nothing of that change is kept; every
 * change is recorded with who and when.
 * <p>
 * The days chosen leave a day of slack either way, so the tests hold whether "today" is the UTC day or the agency's.
 */
class AgencyNumbersIT extends InsideLorKit {
    @Inject
    AgencySettingsService settings;
    @Inject
    AdviceService advice;
    @Inject
    AskService asks;
    @Inject
    CompletionDashboard dashboard;
    @Inject
    CohortService cohorts;
    @Inject
    StudentService students;
    @Inject
    RotationService rotations;
    @Inject
    LetterRequestService letters;
    @Inject
    KitService kits;
    @Inject
    ReminderScheduler reminders;
    @Inject
    Clocks clocks;

    private final LocalDate today = LocalDate.now(org.lorkit.it.support.Fixtures.AGENCY_ZONE);
    private long agency;

    @BeforeEach
    void anAgencyWithTheGuidesNumbers() {
        agency = fixtures.agency().id();
        assertThat(as.admin(agency, () -> settings.current()).rules()).isEqualTo(LetterRules.defaults());
    }

    @AfterEach
    void backToRealTime() {
        clocks.reset();
    }

    /** The admin changes these numbers of the letter rules, keeping the rest of the settings. */
    private AgencySettings change(Rule rule, int value, Object... more) {
        return as.admin(agency, () -> {
            AgencySettings current = settings.current();
            LetterRules rules = current.rules().with(rule, value);
            for (int i = 0; i < more.length; i += 2) {
                rules = rules.with((Rule) more[i], (Integer) more[i + 1]);
            }
            return settings.update(new AgencySettings(current.senderName(), current.replyTo(), current.timeZone(), rules));
        });
    }

    private RotationView rotation(StudentView student, AttendingView attending, LocalDate start, LocalDate end) {
        RotationView placed = rotations.place(new NewRotation(student.id(), "St. Mary's Medical Center", "Internal Medicine",
                ClinicalSetting.INPATIENT, RotationKind.HANDS_ON, true, start, end));
        return rotations.addSupervisor(placed.id(), attending.id(), 24);
    }

    @Test
    void a_shorter_ideal_window_makes_three_days_before_the_end_too_early_to_ask() {
        StudentView student = as.staff(agency, () -> fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT));
        AttendingView patel = as.staff(agency, () -> fixtures.attending("Internal Medicine"));
        RotationView endingSoon = as.staff(agency, () -> rotation(student, patel, today.minusDays(24), today.plusDays(3)));

        assertThat(as.ownerStudent(agency, () -> advice.home()).actions())
                .filteredOn(a -> a.kind() == NextAction.Kind.ASK_NOW).singleElement()
                .extracting(NextAction::rotationId).isEqualTo(endingSoon.id());
        assertThat(as.ownerStudent(agency, () -> advice.rotationPlan(endingSoon.id())).window().phase()).isEqualTo(AskWindow.Phase.IDEAL);

        change(Rule.IDEAL_LAST_DAYS, 3);

        assertThat(as.ownerStudent(agency, () -> advice.home()).actions()).extracting(NextAction::kind)
                .as("three days before the end is not in a three-day window").doesNotContain(NextAction.Kind.ASK_NOW);
        AdviceService.RotationPlan plan = as.ownerStudent(agency, () -> advice.rotationPlan(endingSoon.id()));
        assertThat(plan.window().phase()).isEqualTo(AskWindow.Phase.TOO_EARLY);
        assertThat(plan.window().idealFrom()).isEqualTo(endingSoon.endDate().minusDays(2));
        assertThat(plan.timeline().segments().get(1).from()).as("the timeline's ideal segment").isEqualTo(endingSoon.endDate().minusDays(2));
    }

    @Test
    void a_late_ask_names_a_date_and_a_longer_acceptable_period_makes_it_acceptable_again() {
        StudentView student = as.staff(agency, () -> fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT));
        AttendingView patel = as.staff(agency, () -> fixtures.attending("Internal Medicine"));
        RotationView endedLongAgo = as.staff(agency, () -> rotation(student, patel, today.minusDays(62), today.minusDays(35)));

        AskService.Script late = as.ownerStudent(agency, () -> asks.script(endedLongAgo.id(), patel.id()));

        assertThat(late.uploadBy()).as("four weeks from today, the submit date being months away")
                .isIn(today.plusDays(27), today.plusDays(28));
        String date = Dates.weekdayAndDay(late.uploadBy());
        assertThat(late.inPerson()).contains("strong letter of recommendation", "later than ideal", "upload it by " + date + "?");
        assertThat(late.emailBody()).contains("later than ideal", "would you be able to upload it by " + date + "?")
                .doesNotContain("a few weeks away");
        assertThat(as.ownerStudent(agency, () -> advice.rotationPlan(endedLongAgo.id())).window().phase()).isEqualTo(AskWindow.Phase.LATE);

        change(Rule.KIT_DEADLINE_DAYS, 21);
        assertThat(as.ownerStudent(agency, () -> asks.script(endedLongAgo.id(), patel.id())).uploadBy())
                .as("the agency's own deadline").isIn(today.plusDays(20), today.plusDays(21));

        change(Rule.ACCEPTABLE_WEEKS_AFTER_END, 6);
        AskService.Script acceptable = as.ownerStudent(agency, () -> asks.script(endedLongAgo.id(), patel.id()));
        assertThat(acceptable.uploadBy()).as("35 days after the end is acceptable for six weeks").isNull();
        assertThat(acceptable.emailBody()).doesNotContain("later than ideal");
        assertThat(as.ownerStudent(agency, () -> advice.home()).actions()).extracting(NextAction::message)
                .anySatisfy(m -> assertThat(m).startsWith("Your rotation ended ").contains("the acceptable window closes in"));
    }

    @Test
    void a_sooner_first_reminder_goes_out_at_the_next_sweep() {
        StudentView student = as.staff(agency, () -> fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT));
        AttendingView silent = as.staff(agency, () -> fixtures.attending("Internal Medicine"));
        RotationView rotation = as.staff(agency, () -> fixtures.rotation(student, silent, 24));
        long request = fixtures.readyKit(agency, student, silent, rotation);
        as.ownerStudent(agency, () -> kits.send(request));

        clocks.advance(Duration.ofDays(11));
        reminders.sweepAgency(agency);
        assertThat(state(request)).as("the guides' first reminder comes 14 days after the kit").isEqualTo(LetterState.KIT_SENT);

        change(Rule.FIRST_REMINDER_DAYS, 10);
        reminders.sweepAgency(agency);

        assertThat(state(request)).isEqualTo(LetterState.REMINDED_1);
        assertThat(as.admin(agency, () -> settings.history())).extracting(AgencySettingsService.SettingsChange::what)
                .containsExactly("first reminder from 14 to 10 days after the kit");
    }

    private LetterState state(long request) {
        return as.ownerStudent(agency, () -> letters.find(request)).orElseThrow().state();
    }

    @Test
    void the_dashboard_counts_at_risk_by_the_agencys_horizon_and_ask_window() {
        AttendingView writer = as.staff(agency, () -> fixtures.attending("Internal Medicine"));
        CohortView soon = as.staff(agency, () -> cohorts.create(new NewCohort(Fixtures.unique("IM soon"), 2028, "Internal Medicine",
                null, today.plusDays(45), null)));
        CohortView later = as.staff(agency, () -> cohorts.create(new NewCohort(Fixtures.unique("IM later"), 2028, "Internal Medicine",
                null, today.plusDays(200), null)));
        as.staff(agency, () -> {
            enroll(soon, "Bea Santos");
            StudentView cem = enroll(later, "Cem Aydin");
            RotationView ended = rotation(cem, writer, today.minusDays(47), today.minusDays(20));
            long id = letters.plan(new NewLetterRequest(cem.id(), writer.id(), ended.id(), null)).id();
            letters.moveTo(id, LetterState.ASKED, null); // 20 days after the end: inside four weeks, outside two
            return null;
        });
        assertThat(atRisk(soon)).as("45 days before the submit date is beyond the 30-day horizon").isEmpty();
        assertThat(atRisk(later)).as("an ask 20 days after the end is in the window").isEmpty();
        assertThat(as.staff(agency, () -> dashboard.atRiskHorizonDays())).isEqualTo(30);

        change(Rule.AT_RISK_HORIZON_DAYS, 60, Rule.ACCEPTABLE_WEEKS_AFTER_END, 2);

        assertThat(as.staff(agency, () -> dashboard.atRiskHorizonDays())).isEqualTo(60);
        CompletionDashboard.StudentPage bea = as.staff(agency, () -> dashboard.students(StudentQuery.atRisk(soon.id())));
        assertThat(bea.rows()).extracting(StudentStanding::name).containsExactly("Bea Santos");
        assertThat(bea.reasons(bea.rows().get(0))).singleElement().asString().startsWith("0 strong letters, submits in 4");
        CompletionDashboard.StudentPage cem = as.staff(agency, () -> dashboard.students(StudentQuery.atRisk(later.id())));
        assertThat(cem.rows()).extracting(StudentStanding::name).containsExactly("Cem Aydin");
        assertThat(cem.reasons(cem.rows().get(0))).containsExactly("1 ask outside the window");
        assertThat(as.staff(agency, () -> dashboard.figures(soon.id())).standing(Standing.AT_RISK)).isEqualTo(1);
        assertThat(as.staff(agency, () -> dashboard.exportCsv(StudentQuery.atRisk(later.id())).text())).contains("Cem Aydin", "1 ask outside the window");
    }

    private List<StudentStanding> atRisk(CohortView cohort) {
        return as.staff(agency, () -> dashboard.students(StudentQuery.atRisk(cohort.id()))).rows();
    }

    private StudentView enroll(CohortView cohort, String name) {
        return students.enroll(new NewStudent(cohort.id(), name, Fixtures.unique(name.split(" ")[0].toLowerCase(Locale.ROOT)) + "@student.example",
                "University of Lagos", "Nigeria", "14029381", List.of("Internal Medicine")));
    }

    @Test
    void a_number_out_of_bounds_is_refused_next_to_its_field_and_nothing_of_the_change_is_kept() {
        AgencySettings before = as.admin(agency, () -> settings.current());

        DomainException refused = catchThrowableOfType(DomainException.class, () -> as.admin(agency, () -> settings.update(
                new AgencySettings("Someone else", before.replyTo(), "America/Denver",
                        before.rules().with(Rule.IDEAL_LAST_DAYS, 4).with(Rule.FIRST_REMINDER_DAYS, 3)))));

        assertThat(refused.field()).isEqualTo("firstReminderAfterKitDays");
        assertThat(refused.getMessage()).isEqualTo("The first reminder goes at least 7 days after the kit, and at most 60: polite, never frantic");
        assertThat(as.admin(agency, () -> settings.current())).as("not the sender, the time zone nor the ideal window").isEqualTo(before);
        assertThat(as.admin(agency, () -> settings.history())).as("nothing recorded").isEmpty();

        DomainException tooLong = catchThrowableOfType(DomainException.class, () -> change(Rule.KIT_DEADLINE_LONGEST_DAYS, 90));
        assertThat(tooLong.field()).isEqualTo("kitDeadlineLongestDays");
        assertThat(tooLong.getMessage()).isEqualTo(Rule.KIT_DEADLINE_LONGEST_DAYS.bound());
        assertThat(as.admin(agency, () -> settings.current()).rules()).isEqualTo(LetterRules.defaults());
    }

    @Test
    void every_change_is_recorded_with_who_when_and_from_what_to_what() {
        change(Rule.FIRST_REMINDER_DAYS, 10, Rule.CONTACT_MINIMUM_DAYS, 10);
        change(Rule.FIRST_REMINDER_DAYS, 12);
        AgencySettings same = as.admin(agency, () -> settings.current());
        as.admin(agency, () -> settings.update(same)); // nothing changes: nothing recorded

        List<AgencySettingsService.SettingsChange> history = as.admin(agency, () -> settings.history());

        assertThat(history).extracting(AgencySettingsService.SettingsChange::what).containsExactlyInAnyOrder(
                "first reminder from 10 to 12 days after the kit", "minimum contact from 14 to 10 days", "first reminder from 14 to 10 days after the kit");
        assertThat(history.get(0).what()).as("newest first").isEqualTo("first reminder from 10 to 12 days after the kit");
        assertThat(history).allSatisfy(change -> {
            assertThat(change.changedBy()).isEqualTo("admin@agency.example");
            assertThat(change.changedAt().toLocalDate()).isBetween(today.minusDays(1), today.plusDays(1));
            assertThat(change.line()).startsWith("Changed by " + change.changedBy() + " on ").endsWith(": " + change.what());
        });
        assertThat(as.admin(agency, () -> settings.current()).rules().toRules())
                .isEqualTo(AgencyRules.DEFAULTS.with(Rule.FIRST_REMINDER_DAYS, 12).with(Rule.CONTACT_MINIMUM_DAYS, 10));
    }
}
