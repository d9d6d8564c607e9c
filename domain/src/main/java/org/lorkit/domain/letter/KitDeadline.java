package org.lorkit.domain.letter;

import org.lorkit.domain.shared.DomainException;

import java.time.LocalDate;

/**
 * The deadline the kit proposes to the attending: 3 to 4 weeks after the kit, early rather than
 * last-minute, and never after the student's planned certify/submit date.
 */
public record KitDeadline(LocalDate date, Fit fit) {
    public static final int MIN_DAYS = 21;
    public static final int MAX_DAYS = 28;
    /** When the submit date is already (nearly) here, still ask, with a specific near date. */
    public static final int LATE_ASK_DAYS = 7;

    public enum Fit {
        /** 28 days, or fewer but at least 21 because the submit date comes first. */
        COMFORTABLE,
        /** Fewer than 21 days remain before the submit date: the deadline is that date. */
        TIGHT,
        /** The submit date is today or past: a specific date a week out, and say it is late. */
        LATE
    }

    public static KitDeadline proposeFor(LocalDate kitSentOn, LocalDate plannedSubmitOn) {
        LocalDate comfortable = kitSentOn.plusDays(MAX_DAYS);
        if (plannedSubmitOn == null || !comfortable.isAfter(plannedSubmitOn)) {
            return new KitDeadline(comfortable, Fit.COMFORTABLE);
        }
        if (!plannedSubmitOn.isAfter(kitSentOn)) {
            return new KitDeadline(kitSentOn.plusDays(LATE_ASK_DAYS), Fit.LATE);
        }
        Fit fit = plannedSubmitOn.isBefore(kitSentOn.plusDays(MIN_DAYS)) ? Fit.TIGHT : Fit.COMFORTABLE;
        return new KitDeadline(plannedSubmitOn, fit);
    }

    /** The latest deadline a student may choose: letters asked for months ahead are easily forgotten. */
    public static final int LONGEST_DAYS = 42;

    /**
     * A deadline the student edits must leave the attending at least a week, stay within six weeks, and
     * not fall after the planned submit date (unless that date is less than a week away: then a week it is).
     */
    public static void checkChosen(LocalDate chosen, LocalDate today, LocalDate plannedSubmitOn) {
        LocalDate earliest = today.plusDays(LATE_ASK_DAYS);
        if (chosen.isBefore(earliest)) {
            throw new DomainException("deadline", "Give the attending at least a week: choose " + earliest + " or later");
        }
        LocalDate latest = today.plusDays(LONGEST_DAYS);
        if (plannedSubmitOn != null && plannedSubmitOn.isBefore(latest)) {
            latest = plannedSubmitOn.isBefore(earliest) ? earliest : plannedSubmitOn;
            if (chosen.isAfter(latest)) {
                throw new DomainException("deadline", "That is after your planned ERAS submit date: choose " + latest + " or earlier");
            }
        }
        if (chosen.isAfter(latest)) {
            throw new DomainException("deadline", "Keep the deadline within six weeks, by " + latest
                    + ": a deadline months away is easily forgotten");
        }
    }
}
