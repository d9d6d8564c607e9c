package org.lorkit.domain.letter;

import static org.lorkit.domain.TestData.utc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lorkit.domain.TestData;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.letter.ReminderPolicy.Action;
import org.lorkit.domain.letter.ReminderPolicy.Step;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lorkit.domain.letter.LetterState.*;

class ReminderPolicyTest {
    private static final ReminderPolicy POLICY = ReminderPolicy.DEFAULT;
    private static final LocalDate KIT_DAY = LocalDate.of(2027, 7, 1);
    private static final LocalDate LAST_REMINDER = LocalDate.of(2027, 7, 15);

    @Test
    void defaultsAreFourteenTenSeven() {
        assertThat(POLICY.firstReminderAfterKitDays()).isEqualTo(14);
        assertThat(POLICY.secondReminderAfterFirstDays()).isEqualTo(10);
        assertThat(POLICY.notComingAfterSecondDays()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(value = LetterState.class, names = {"KIT_SENT", "CONFIRMED"})
    void firstReminderIsDueFourteenDaysAfterTheKit(LetterState state) {
        Step step = POLICY.nextStep(state, KIT_DAY, null, null).orElseThrow();

        assertThat(step.action()).isEqualTo(Action.FIRST_REMINDER);
        assertThat(step.dueOn()).isEqualTo(LocalDate.of(2027, 7, 15));
        assertThat(step.isDue(KIT_DAY.plusDays(13))).isFalse();
        assertThat(step.isDue(KIT_DAY.plusDays(14))).isTrue();
        assertThat(step.isDue(KIT_DAY.plusDays(30))).isTrue();
    }

    @Test
    void secondReminderIsDueTenDaysAfterTheFirst() {
        Step step = POLICY.nextStep(REMINDED_1, KIT_DAY, LAST_REMINDER, null).orElseThrow();

        assertThat(step.action()).isEqualTo(Action.SECOND_REMINDER);
        assertThat(step.dueOn()).isEqualTo(LocalDate.of(2027, 7, 25));
        assertThat(step.isDue(LocalDate.of(2027, 7, 24))).isFalse();
        assertThat(step.isDue(LocalDate.of(2027, 7, 25))).isTrue();
    }

    @Test
    void afterTheSecondReminderTheNextStepIsGivingUpNeverAThirdReminder() {
        Step step = POLICY.nextStep(REMINDED_2, KIT_DAY, LAST_REMINDER, null).orElseThrow();

        assertThat(step.action()).isEqualTo(Action.GIVE_UP);
        assertThat(step.dueOn()).isEqualTo(LocalDate.of(2027, 7, 22));
        assertThat(Action.values()).containsExactly(Action.FIRST_REMINDER, Action.SECOND_REMINDER, Action.GIVE_UP);
    }

    @ParameterizedTest
    @EnumSource(value = LetterState.class, names = {"PLANNED", "ASKED", "STRONG_YES", "LUKEWARM", "DECLINED",
            "NOT_COMING", "SUBMITTED", "WITHDRAWN"})
    void nothingIsDueWhenNoLetterIsAwaited(LetterState state) {
        assertThat(POLICY.nextStep(state, KIT_DAY, LAST_REMINDER, LocalDate.of(2027, 7, 20))).isEmpty();
    }

    @Test
    void aCustomPolicyChangesTheDates() {
        ReminderPolicy brisk = new ReminderPolicy(7, 5, 3);

        assertThat(brisk.nextStep(KIT_SENT, KIT_DAY, null, null))
                .contains(new Step(Action.FIRST_REMINDER, LocalDate.of(2027, 7, 8)));
        assertThat(brisk.nextStep(REMINDED_1, KIT_DAY, LAST_REMINDER, null))
                .contains(new Step(Action.SECOND_REMINDER, LocalDate.of(2027, 7, 20)));
        assertThat(brisk.nextStep(REMINDED_2, KIT_DAY, LAST_REMINDER, null))
                .contains(new Step(Action.GIVE_UP, LocalDate.of(2027, 7, 18)));
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        ReminderPolicy briskest = new ReminderPolicy(7, 5, 1);
        ReminderPolicy slowest = new ReminderPolicy(60, 60, 60);

        assertThat(briskest.firstReminderAfterKitDays()).isEqualTo(7);
        assertThat(briskest.secondReminderAfterFirstDays()).isEqualTo(5);
        assertThat(briskest.notComingAfterSecondDays()).isEqualTo(1);
        assertThat(slowest.firstReminderAfterKitDays()).isEqualTo(60);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 6, 61, 365})
    void aFirstReminderSoonerThanAWeekAfterTheKitOrLaterThanSixtyDaysIsRefused(int days) {
        assertThatThrownBy(() -> new ReminderPolicy(days, 10, 7))
                .isInstanceOf(DomainException.class)
                .hasMessage("The first reminder goes at least 7 days after the kit, and at most 60: polite, never frantic")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("firstReminderAfterKitDays");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 61})
    void aSecondReminderSoonerThanFiveDaysAfterTheFirstIsRefused(int days) {
        assertThatThrownBy(() -> new ReminderPolicy(14, days, 7))
                .isInstanceOf(DomainException.class)
                .hasMessage("The second reminder goes at least 5 days after the first, and at most 60: polite, never frantic")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("secondReminderAfterFirstDays");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 61})
    void notComingOutsideOneToSixtyDaysIsRefused(int days) {
        assertThatThrownBy(() -> new ReminderPolicy(14, 10, days))
                .isInstanceOf(DomainException.class)
                .hasMessage("The letter is taken as not coming 1 to 60 days after the second and last reminder")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("notComingAfterSecondDays");
    }

    @Test
    void remindOnReplacesTheFirstReminderDate() {
        LocalDate picked = LocalDate.of(2027, 7, 20);

        assertThat(POLICY.nextStep(CONFIRMED, KIT_DAY, null, picked))
                .contains(new Step(Action.FIRST_REMINDER, picked));
    }

    @Test
    void remindOnReplacesTheSecondReminderDate() {
        LocalDate picked = LocalDate.of(2027, 7, 30);

        assertThat(POLICY.nextStep(REMINDED_1, KIT_DAY, LAST_REMINDER, picked))
                .contains(new Step(Action.SECOND_REMINDER, picked));
    }

    @Test
    void remindOnDoesNotMoveGivingUp() {
        assertThat(POLICY.nextStep(REMINDED_2, KIT_DAY, LAST_REMINDER, LocalDate.of(2027, 8, 30)))
                .contains(new Step(Action.GIVE_UP, LocalDate.of(2027, 7, 22)));
    }

    @Test
    void followsARequestThroughItsReminders() {
        Student student = TestData.student();
        Attending attending = TestData.imAttending();
        Rotation rotation = TestData.imRotation(student);
        rotation.addSupervisor(attending, 28);
        LetterRequest request = new LetterRequest(student, attending, rotation, Specialty.INTERNAL_MEDICINE,
                Instant.parse("2027-06-20T09:00:00Z"));

        assertThat(POLICY.nextStep(request)).as("no kit yet").isEmpty();

        request.moveTo(ASKED, "student", null, utc(Instant.parse("2027-07-01T08:00:00Z")));
        request.moveTo(STRONG_YES, "student", null, utc(Instant.parse("2027-07-01T09:00:00Z")));
        request.markKitSent(LocalDate.of(2027, 7, 29), "student", utc(Instant.parse("2027-07-01T12:00:00Z")));
        assertThat(POLICY.nextStep(request)).contains(new Step(Action.FIRST_REMINDER, LocalDate.of(2027, 7, 15)));

        request.remindOn(LocalDate.of(2027, 7, 18));
        assertThat(POLICY.nextStep(request)).contains(new Step(Action.FIRST_REMINDER, LocalDate.of(2027, 7, 18)));

        request.moveTo(REMINDED_1, "system", null, utc(Instant.parse("2027-07-18T08:00:00Z")));
        assertThat(POLICY.nextStep(request)).contains(new Step(Action.SECOND_REMINDER, LocalDate.of(2027, 7, 28)));

        request.moveTo(REMINDED_2, "system", null, utc(Instant.parse("2027-07-28T08:00:00Z")));
        assertThat(POLICY.nextStep(request)).contains(new Step(Action.GIVE_UP, LocalDate.of(2027, 8, 4)));

        request.moveTo(SUBMITTED, "attending", "uploaded", utc(Instant.parse("2027-07-30T08:00:00Z")));
        assertThat(POLICY.nextStep(request)).isEmpty();
    }
}
