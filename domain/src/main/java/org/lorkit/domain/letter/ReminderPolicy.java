package org.lorkit.domain.letter;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.lorkit.domain.shared.DomainException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When to remind an attending who has the kit but whose letter has not arrived: a first gentle
 * reminder some days after the kit, a second some days after the first, and then the letter is
 * assumed not to be coming. Never more than two reminders. An agency may change the numbers.
 */
@Embeddable
public class ReminderPolicy {
    public static final ReminderPolicy DEFAULT = new ReminderPolicy(14, 10, 7);

    @Column(name = "FIRST_REMINDER_DAYS")
    private int firstReminderAfterKitDays;
    @Column(name = "SECOND_REMINDER_DAYS")
    private int secondReminderAfterFirstDays;
    @Column(name = "NOT_COMING_DAYS")
    private int notComingAfterSecondDays;

    protected ReminderPolicy() {
    }

    public ReminderPolicy(int firstReminderAfterKitDays, int secondReminderAfterFirstDays, int notComingAfterSecondDays) {
        check("firstReminderAfterKitDays", firstReminderAfterKitDays);
        check("secondReminderAfterFirstDays", secondReminderAfterFirstDays);
        check("notComingAfterSecondDays", notComingAfterSecondDays);
        this.firstReminderAfterKitDays = firstReminderAfterKitDays;
        this.secondReminderAfterFirstDays = secondReminderAfterFirstDays;
        this.notComingAfterSecondDays = notComingAfterSecondDays;
    }

    private static void check(String field, int days) {
        if (days < 1 || days > 60) {
            throw new DomainException(field, field + " must be between 1 and 60 days, not " + days);
        }
    }

    /** What happens next to a request waiting for its letter, and on which day. */
    public record Step(Action action, LocalDate dueOn) {
        public boolean isDue(LocalDate today) {
            return !today.isBefore(dueOn);
        }
    }

    public enum Action { FIRST_REMINDER, SECOND_REMINDER, GIVE_UP }

    /**
     * The next step for a request, or empty when none applies (not waiting for a letter, or closed).
     * The "remind me on" date an attending may pick replaces the computed date of the next reminder.
     */
    public Optional<Step> nextStep(LetterState state, LocalDate kitSentOn, LocalDate lastReminderOn, LocalDate remindOn) {
        Step step = switch (state) {
            case KIT_SENT, CONFIRMED -> new Step(Action.FIRST_REMINDER, kitSentOn.plusDays(firstReminderAfterKitDays));
            case REMINDED_1 -> new Step(Action.SECOND_REMINDER, lastReminderOn.plusDays(secondReminderAfterFirstDays));
            case REMINDED_2 -> new Step(Action.GIVE_UP, lastReminderOn.plusDays(notComingAfterSecondDays));
            default -> null;
        };
        if (step != null && remindOn != null && step.action() != Action.GIVE_UP) {
            step = new Step(step.action(), remindOn);
        }
        return Optional.ofNullable(step);
    }

    /**
     * As above, for a request: none once the writer has said the letter is uploaded (reminders stop the moment it is;
     * whether ERAS shows it is the student's to check, and the mismatch flag's).
     */
    public Optional<Step> nextStep(LetterRequest request) {
        if (request.getKitSentOn() == null || request.isReportedUploadedByWriter()) {
            return Optional.empty();
        }
        return nextStep(request.getState(), request.getKitSentOn(), request.getLastReminderOn(), request.getRemindOn());
    }

    public int firstReminderAfterKitDays() {
        return firstReminderAfterKitDays;
    }

    public int secondReminderAfterFirstDays() {
        return secondReminderAfterFirstDays;
    }

    public int notComingAfterSecondDays() {
        return notComingAfterSecondDays;
    }
}
