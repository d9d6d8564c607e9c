package org.lorkit.domain.letter;

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
}
