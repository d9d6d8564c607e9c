package org.lorkit.it.letter;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.advice.AdviceService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.letter.LetterEventView;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.reminder.ReminderScheduler;
import org.lorkit.application.rotation.NewRotation;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.advice.NextAction;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.letter.ReminderPolicy;
import org.lorkit.domain.rotation.AskWindow;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Dates;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.InsideLorKit;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One clock per agency: at 23:30 and at 00:30 UTC an agency in Kolkata (UTC+5:30) is already on the next day and one
 * in Los Angeles (UTC-8) still on the day before, and every date-dependent rule follows the agency's calendar, not
 * UTC's: the ask window, "ends in N days", the reminders that fall due, and the dates its pages show.
 */
class AgencyCalendarIT extends InsideLorKit {
    private static final String KOLKATA = "Asia/Kolkata";
    private static final String LOS_ANGELES = "America/Los_Angeles";

    @Inject
    Clocks clocks;
    @Inject
    RotationService rotations;
    @Inject
    AdviceService advice;
    @Inject
    KitService kits;
    @Inject
    LetterRequestService letters;
    @Inject
    ReminderScheduler reminders;

    @AfterEach
    void realTimeAgain() {
        clocks.reset();
    }

    /** Moves the application's clock to this UTC moment. */
    private void at(LocalDate utcDay, LocalTime utcTime) {
        clocks.reset();
        clocks.advance(Duration.between(clocks.now(), utcDay.atTime(utcTime).toInstant(ZoneOffset.UTC)));
    }

    private record Placed(long agency, StudentView student, AttendingView attending, RotationView rotation) {
    }

    private Placed placed(String zone, LocalDate rotationEnds) {
        long agency = fixtures.agency(zone).id();
        return as.staff(agency, () -> {
            StudentView student = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            AttendingView attending = fixtures.attending("Internal Medicine");
            RotationView rotation = rotations.place(new NewRotation(student.id(), "St. Mary's Medical Center", "Internal Medicine",
                    ClinicalSetting.INPATIENT, RotationKind.HANDS_ON, true, rotationEnds.minusDays(27), rotationEnds));
            return new Placed(agency, student, attending, rotations.addSupervisor(rotation.id(), attending.id(), 28));
        });
    }

    private AskWindow window(Placed placed) {
        return as.ownerStudent(placed.agency(), () -> advice.rotationPlan(placed.rotation().id()).window());
    }

    private String homeAdvice(Placed placed) {
        return String.join(" | ", as.ownerStudent(placed.agency(), () -> advice.home().actions().stream().map(NextAction::message).toList()));
    }

    @Test
    void the_ask_window_and_ends_in_n_days_fall_on_each_agencys_calendar_day() {
        LocalDate day = LocalDate.ofInstant(clocks.now(), ZoneOffset.UTC).plusDays(40);
        LocalDate ends = day.plusDays(5);
        Placed kolkata = placed(KOLKATA, ends);
        Placed losAngeles = placed(LOS_ANGELES, ends);

        for (LocalDate utcDay : new LocalDate[]{day, day.plusDays(1)}) {
            LocalTime time = utcDay.equals(day) ? LocalTime.of(23, 30) : LocalTime.of(0, 30);
            at(utcDay, time);
            String when = utcDay + " " + time + " UTC";

            // Kolkata is on day+1 both times: the first of the five ideal days, the rotation ending in 4 days.
            assertThat(window(kolkata).phase()).as("Kolkata at " + when).isEqualTo(AskWindow.Phase.IDEAL);
            assertThat(window(kolkata).daysToEnd()).as("Kolkata at " + when).isEqualTo(4);
            assertThat(homeAdvice(kolkata)).as("Kolkata at " + when).contains("ends in 4 days: this is the ideal time to ask");
            // Los Angeles is still on day both times: one day before the ideal window opens.
            assertThat(window(losAngeles).phase()).as("Los Angeles at " + when).isEqualTo(AskWindow.Phase.TOO_EARLY);
            assertThat(window(losAngeles).daysToEnd()).as("Los Angeles at " + when).isEqualTo(5);
            assertThat(homeAdvice(losAngeles)).as("Los Angeles at " + when).doesNotContain("ideal time to ask");
        }
    }

    @Test
    void a_reminder_falls_due_on_the_agencys_day_and_the_history_shows_its_local_time() {
        int afterKit = ReminderPolicy.DEFAULT.firstReminderAfterKitDays();
        LocalDate due = LocalDate.ofInstant(clocks.now(), ZoneOffset.UTC).plusDays(afterKit + 10);
        LocalDate kitDay = due.minusDays(afterKit);
        Placed kolkata = placed(KOLKATA, kitDay.minusDays(2));
        Placed losAngeles = placed(LOS_ANGELES, kitDay.minusDays(2));

        // Noon UTC on the kit day: 17:30 in Kolkata, 04:00 in Los Angeles, the same calendar day in both.
        at(kitDay, LocalTime.NOON);
        long kolkataLetter = sendKit(kolkata);
        long losAngelesLetter = sendKit(losAngeles);
        assertThat(as.ownerStudent(kolkata.agency(), () -> letters.find(kolkataLetter).orElseThrow().kitSentOn())).isEqualTo(kitDay);
        assertThat(kitSentAt(kolkata, kolkataLetter)).isEqualTo(Dates.day(kitDay) + ", 17:30 IST");
        assertThat(kitSentAt(losAngeles, losAngelesLetter)).isEqualTo(Dates.day(kitDay) + ", 04:00 PST");

        // 23:30 UTC the day before: already the due day in Kolkata, not yet in Los Angeles (nor in UTC).
        at(due.minusDays(1), LocalTime.of(23, 30));
        reminders.sweepAgency(kolkata.agency());
        reminders.sweepAgency(losAngeles.agency());
        assertThat(state(kolkata, kolkataLetter)).isEqualTo(LetterState.REMINDED_1);
        assertThat(state(losAngeles, losAngelesLetter)).isEqualTo(LetterState.KIT_SENT);

        // 00:30 UTC on the due day: UTC's day has come, Los Angeles' (16:30 the day before) has not.
        at(due, LocalTime.of(0, 30));
        reminders.sweepAgency(losAngeles.agency());
        assertThat(state(losAngeles, losAngelesLetter)).isEqualTo(LetterState.KIT_SENT);

        // 08:30 UTC: just past midnight in Los Angeles, its due day.
        at(due, LocalTime.of(8, 30));
        reminders.sweepAgency(losAngeles.agency());
        assertThat(state(losAngeles, losAngelesLetter)).isEqualTo(LetterState.REMINDED_1);
        assertThat(as.ownerStudent(losAngeles.agency(), () -> letters.history(losAngelesLetter)).stream()
                .filter(e -> e.toState() == LetterState.REMINDED_1).findFirst().orElseThrow().when())
                .isEqualTo(Dates.day(due) + ", 00:30 PST");
    }

    private long sendKit(Placed placed) {
        long id = fixtures.readyKit(placed.agency(), placed.student(), placed.attending(), placed.rotation());
        as.ownerStudent(placed.agency(), () -> kits.send(id));
        return id;
    }

    private String kitSentAt(Placed placed, long letter) {
        return as.ownerStudent(placed.agency(), () -> letters.history(letter)).stream()
                .filter(e -> e.toState() == LetterState.KIT_SENT).map(LetterEventView::when).findFirst().orElseThrow();
    }

    private LetterState state(Placed placed, long letter) {
        return as.staff(placed.agency(), () -> letters.find(letter).orElseThrow().state());
    }
}
