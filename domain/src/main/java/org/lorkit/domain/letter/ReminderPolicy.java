package org.lorkit.domain.letter;

import org.lorkit.domain.shared.DomainException;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;

/**
 * When to remind an attending who has the kit but whose letter has not arrived: a first gentle
 * reminder some days after the kit, a second some days after the first, and then the letter is
 * assumed not to be coming. Never more than two reminders (the states have room for two: REMINDED_1,
 * REMINDED_2). An agency may change the numbers (AgencyRules), within bounds that keep reminders polite,
 * never frantic: the first at least a week after the kit, the second at least five days after the first.
 */
public final class ReminderPolicy implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Never more reminders than this: after the last, assume the letter is not coming. */
    public static final int MAX_REMINDERS = 2;
    public static final int FIRST_MIN_DAYS = 7;
    public static final int SECOND_MIN_DAYS = 5;
    public static final int NOT_COMING_MIN_DAYS = 1;
    /** The longest wait before any step. */
    public static final int MAX_DAYS = 60;
    public static final String FIRST_REMINDER_BOUND = "The first reminder goes at least " + FIRST_MIN_DAYS
            + " days after the kit, and at most " + MAX_DAYS + ": polite, never frantic";
    public static final String SECOND_REMINDER_BOUND = "The second reminder goes at least " + SECOND_MIN_DAYS
            + " days after the first, and at most " + MAX_DAYS + ": polite, never frantic";
    public static final String NOT_COMING_BOUND = "The letter is taken as not coming " + NOT_COMING_MIN_DAYS + " to " + MAX_DAYS
            + " days after the second and last reminder";

    public static final ReminderPolicy DEFAULT = new ReminderPolicy(14, 10, 7);

    private final int firstReminderAfterKitDays;
    private final int secondReminderAfterFirstDays;
    private final int notComingAfterSecondDays;

    public ReminderPolicy(int firstReminderAfterKitDays, int secondReminderAfterFirstDays, int notComingAfterSecondDays) {
        check("firstReminderAfterKitDays", firstReminderAfterKitDays, FIRST_MIN_DAYS, FIRST_REMINDER_BOUND);
        check("secondReminderAfterFirstDays", secondReminderAfterFirstDays, SECOND_MIN_DAYS, SECOND_REMINDER_BOUND);
        check("notComingAfterSecondDays", notComingAfterSecondDays, NOT_COMING_MIN_DAYS, NOT_COMING_BOUND);
        this.firstReminderAfterKitDays = firstReminderAfterKitDays;
        this.secondReminderAfterFirstDays = secondReminderAfterFirstDays;
        this.notComingAfterSecondDays = notComingAfterSecondDays;
    }

    private static void check(String field, int days, int min, String bound) {
        if (days < min || days > MAX_DAYS) {
            throw new DomainException(field, bound);
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

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ReminderPolicy p && firstReminderAfterKitDays == p.firstReminderAfterKitDays
                && secondReminderAfterFirstDays == p.secondReminderAfterFirstDays && notComingAfterSecondDays == p.notComingAfterSecondDays;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(firstReminderAfterKitDays, secondReminderAfterFirstDays, notComingAfterSecondDays);
    }
}
