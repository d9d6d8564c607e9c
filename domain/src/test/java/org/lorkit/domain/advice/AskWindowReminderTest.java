package org.lorkit.domain.advice;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.advice.AskWindowReminder.Reminder;
import org.lorkit.domain.advice.StudentSituation.LetterFacts;
import org.lorkit.domain.advice.StudentSituation.RotationFacts;
import org.lorkit.domain.advice.StudentSituation.Supervisor;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.letter.ErasReport;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Specialty;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AskWindowReminderTest {
    /** A Friday: the rotation's last day. */
    private static final LocalDate END = LocalDate.of(2026, 10, 30);
    private static final LocalDate START = LocalDate.of(2026, 10, 5);
    private static final long ROTATION = 10;
    private static final Supervisor PATEL = new Supervisor(1, "Dr. Anjali Patel", 26, 1);
    private static final Supervisor KIM = new Supervisor(2, "Dr. Min Kim", 20, 1);

    private static RotationFacts rotation(long id, Supervisor... supervisors) {
        return new RotationFacts(id, Specialty.INTERNAL_MEDICINE, "St. Mary's Medical Center", START, END, List.of(supervisors));
    }

    private static LetterFacts letter(long rotationId, Supervisor attending, LetterState state) {
        return new LetterFacts(100 + attending.attendingId(), rotationId, attending.attendingId(), attending.name(), state,
                START, null, null, null, ErasReport.NONE);
    }

    private static StudentSituation situation(List<RotationFacts> rotations, LetterFacts... letters) {
        return new StudentSituation(rotations, List.of(letters), null);
    }

    private static Optional<Reminder> due(StudentSituation situation, LocalDate today) {
        return AskWindowReminder.due(situation, ROTATION, today, AgencyRules.DEFAULTS);
    }

    private static String named(Optional<Reminder> reminder) {
        return reminder.orElseThrow().writer().candidate().name();
    }

    @Test
    void it_is_due_from_the_day_the_ideal_window_opens_to_its_last_day_and_never_outside_it() {
        StudentSituation situation = situation(List.of(rotation(ROTATION, PATEL)));

        assertThat(due(situation, END.minusDays(5))).as("the day before the last five days").isEmpty();
        assertThat(due(situation, END.minusDays(4))).as("the first of the last five days").isPresent();
        assertThat(due(situation, END.minusDays(2))).as("a sweep that missed the first day still finds it due").isPresent();
        assertThat(due(situation, END)).as("the last day").isPresent();
        assertThat(due(situation, END.plusDays(1))).as("after the rotation: the window has closed").isEmpty();
        assertThat(due(situation, START.minusDays(30))).isEmpty();
    }

    @Test
    void an_agencys_longer_ideal_window_opens_earlier() {
        AgencyRules seven = AgencyRules.DEFAULTS.with(AgencyRules.Rule.IDEAL_LAST_DAYS, 7);
        StudentSituation situation = situation(List.of(rotation(ROTATION, PATEL)));

        assertThat(AskWindowReminder.due(situation, ROTATION, END.minusDays(6), seven)).isPresent();
        assertThat(AskWindowReminder.due(situation, ROTATION, END.minusDays(7), seven)).isEmpty();
    }

    @Test
    void it_names_the_best_writer_of_the_rotation_by_the_suggestion_rule() {
        Supervisor brief = new Supervisor(3, "Dr. Brief", 9, 1);
        StudentSituation situation = situation(List.of(rotation(ROTATION, brief, KIM, PATEL)));

        Reminder reminder = due(situation, END.minusDays(4)).orElseThrow();

        assertThat(reminder.writer().candidate().name()).as("value 1 and the longest contact").isEqualTo("Dr. Anjali Patel");
        assertThat(reminder.rotation().site()).isEqualTo("St. Mary's Medical Center");
        assertThat(reminder.window().idealFrom()).isEqualTo(END.minusDays(4));
    }

    @Test
    void a_writer_already_asked_on_this_rotation_or_another_is_not_named_and_with_nobody_left_nothing_is_due() {
        LocalDate open = END.minusDays(4);
        assertThat(due(situation(List.of(rotation(ROTATION, PATEL)), letter(ROTATION, PATEL, LetterState.PLANNED)), open))
                .as("a planned request is not yet an ask").isPresent();
        for (LetterState state : List.of(LetterState.ASKED, LetterState.STRONG_YES, LetterState.KIT_SENT, LetterState.LUKEWARM,
                LetterState.DECLINED, LetterState.NOT_COMING)) {
            StudentSituation asked = situation(List.of(rotation(ROTATION, PATEL)), letter(ROTATION, PATEL, state));
            assertThat(due(asked, open)).as(state.name()).isEmpty();
        }

        StudentSituation askedHereTheOtherLeft = situation(List.of(rotation(ROTATION, PATEL, KIM)),
                letter(ROTATION, PATEL, LetterState.STRONG_YES));
        assertThat(named(due(askedHereTheOtherLeft, open))).isEqualTo("Dr. Min Kim");

        StudentSituation askedElsewhere = situation(List.of(rotation(7, PATEL), rotation(ROTATION, PATEL, KIM)),
                letter(7, PATEL, LetterState.DECLINED));
        assertThat(named(due(askedElsewhere, open))).as("no one asked on any rotation is asked again").isEqualTo("Dr. Min Kim");
    }

    @Test
    void a_red_flagged_writer_is_never_named_and_a_rotation_of_red_flags_only_sends_nothing() {
        Supervisor flagged = new Supervisor(1, "Dr. Anjali Patel", 26, 1, true);
        LocalDate open = END.minusDays(4);

        assertThat(named(due(situation(List.of(rotation(ROTATION, flagged, KIM))), open))).isEqualTo("Dr. Min Kim");
        assertThat(due(situation(List.of(rotation(ROTATION, flagged))), open)).isEmpty();
        assertThat(due(situation(List.of(rotation(ROTATION))), open)).as("no supervisor recorded").isEmpty();
        assertThat(AskWindowReminder.due(situation(List.of(rotation(ROTATION, PATEL))), 99, open, AgencyRules.DEFAULTS))
                .as("not one of the student's rotations").isEmpty();
    }

    @Test
    void the_email_names_the_last_day_by_its_weekday_until_it_is_tomorrow_or_today() {
        StudentSituation situation = situation(List.of(rotation(ROTATION, PATEL)));

        Reminder opening = due(situation, END.minusDays(4)).orElseThrow();
        assertThat(opening.ends()).isEqualTo("ends on Friday");
        assertThat(opening.when()).isEqualTo("this week");

        Reminder dayBefore = due(situation, END.minusDays(1)).orElseThrow();
        assertThat(dayBefore.ends()).isEqualTo("ends tomorrow");
        assertThat(dayBefore.when()).isEqualTo("now");

        Reminder lastDay = due(situation, END).orElseThrow();
        assertThat(lastDay.ends()).isEqualTo("ends today");
        assertThat(lastDay.when()).isEqualTo("today");
    }
}
