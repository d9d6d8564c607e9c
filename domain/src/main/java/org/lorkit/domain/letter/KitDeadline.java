package org.lorkit.domain.letter;

import org.lorkit.domain.shared.Dates;
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
     * The days a chosen deadline may fall on: at least a week out, within six weeks, and not after the planned submit
     * date (unless that date is less than a week away: then a week it is).
     *
     * @param bySubmitDate whether the planned submit date, rather than the six weeks, sets the latest day
     */
    public record Window(LocalDate earliest, LocalDate latest, boolean bySubmitDate) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(earliest) && !day.isAfter(latest);
        }
    }

    public static Window window(LocalDate today, LocalDate plannedSubmitOn) {
        LocalDate earliest = today.plusDays(LATE_ASK_DAYS);
        LocalDate latest = today.plusDays(LONGEST_DAYS);
        if (plannedSubmitOn != null && plannedSubmitOn.isBefore(latest)) {
            return new Window(earliest, plannedSubmitOn.isBefore(earliest) ? earliest : plannedSubmitOn, true);
        }
        return new Window(earliest, latest, false);
    }

    /**
     * A deadline the student (or staff) chooses, before the kit goes out or when moving it later, must fall in the
     * {@link #window}; the message names the limit it crossed.
     */
    public static void checkChosen(LocalDate chosen, LocalDate today, LocalDate plannedSubmitOn) {
        Window window = window(today, plannedSubmitOn);
        if (chosen.isBefore(window.earliest())) {
            throw new DomainException("deadline", "Give the attending at least a week: choose " + Dates.day(window.earliest()) + " or later");
        }
        if (chosen.isAfter(window.latest())) {
            throw new DomainException("deadline", window.bySubmitDate()
                    ? "That is after the planned ERAS submit date, " + Dates.day(plannedSubmitOn) + ": choose "
                    + Dates.day(window.latest()) + " or earlier"
                    : "Keep the deadline within six weeks, by " + Dates.day(window.latest())
                    + ": a deadline months away is easily forgotten");
        }
    }
}
