package org.lorkit.domain.letter;

import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.DomainException;

import java.time.LocalDate;

/**
 * The deadline the kit proposes to the attending: 3 to 4 weeks after the kit (the agency's number, four weeks by
 * default), early rather than last-minute, and never after the student's planned certify/submit date.
 */
public record KitDeadline(LocalDate date, Fit fit) {
    /** Fewer days than this before the submit date make the deadline tight: three weeks, the guides' shortest. */
    public static final int MIN_DAYS = 21;

    public enum Fit {
        /** The agency's deadline, or fewer days but at least 21 because the submit date comes first. */
        COMFORTABLE,
        /** Fewer than 21 days remain before the submit date: the deadline is that date. */
        TIGHT,
        /** The submit date is today or past: a specific near date (the shortest deadline, a week by default), and say it is late. */
        LATE
    }

    public static KitDeadline proposeFor(LocalDate kitSentOn, LocalDate plannedSubmitOn, AgencyRules rules) {
        LocalDate comfortable = kitSentOn.plusDays(rules.kitDeadlineDays());
        if (plannedSubmitOn == null || !comfortable.isAfter(plannedSubmitOn)) {
            return new KitDeadline(comfortable, Fit.COMFORTABLE);
        }
        if (!plannedSubmitOn.isAfter(kitSentOn)) {
            return new KitDeadline(kitSentOn.plusDays(rules.kitDeadlineShortestDays()), Fit.LATE);
        }
        Fit fit = plannedSubmitOn.isBefore(kitSentOn.plusDays(MIN_DAYS)) ? Fit.TIGHT : Fit.COMFORTABLE;
        return new KitDeadline(plannedSubmitOn, fit);
    }

    /**
     * The days a chosen deadline may fall on: at least the agency's shortest time out (a week by default), within its
     * longest (six weeks by default: letters asked for months ahead are easily forgotten), and not after the planned
     * submit date (unless that date is nearer than the shortest time: then the shortest it is).
     *
     * @param bySubmitDate whether the planned submit date, rather than the longest time, sets the latest day
     */
    public record Window(LocalDate earliest, LocalDate latest, boolean bySubmitDate) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(earliest) && !day.isAfter(latest);
        }
    }

    public static Window window(LocalDate today, LocalDate plannedSubmitOn, AgencyRules rules) {
        LocalDate earliest = today.plusDays(rules.kitDeadlineShortestDays());
        LocalDate latest = today.plusDays(rules.kitDeadlineLongestDays());
        if (plannedSubmitOn != null && plannedSubmitOn.isBefore(latest)) {
            return new Window(earliest, plannedSubmitOn.isBefore(earliest) ? earliest : plannedSubmitOn, true);
        }
        return new Window(earliest, latest, false);
    }

    /**
     * A deadline the student (or staff) chooses, before the kit goes out or when moving it later, must fall in the
     * {@link #window}; the message names the limit it crossed.
     */
    public static void checkChosen(LocalDate chosen, LocalDate today, LocalDate plannedSubmitOn, AgencyRules rules) {
        Window window = window(today, plannedSubmitOn, rules);
        if (chosen.isBefore(window.earliest())) {
            throw new DomainException("deadline", "Give the attending at least " + inWords(rules.kitDeadlineShortestDays())
                    + ": choose " + Dates.day(window.earliest()) + " or later");
        }
        if (chosen.isAfter(window.latest())) {
            throw new DomainException("deadline", window.bySubmitDate()
                    ? "That is after the planned ERAS submit date, " + Dates.day(plannedSubmitOn) + ": choose "
                    + Dates.day(window.latest()) + " or earlier"
                    : "Keep the deadline within " + inWords(rules.kitDeadlineLongestDays()) + ", by " + Dates.day(window.latest())
                    + ": a deadline months away is easily forgotten");
        }
    }

    /** The agency's limits of a chosen deadline in words: "At least a week from today and within six weeks". */
    public static String limitsInWords(AgencyRules rules) {
        return "At least " + inWords(rules.kitDeadlineShortestDays()) + " from today and within " + inWords(rules.kitDeadlineLongestDays());
    }

    /** 7 days: "a week"; 42: "six weeks"; 10: "10 days". */
    static String inWords(int days) {
        if (days % 7 != 0) {
            return days + " days";
        }
        int weeks = days / 7;
        return switch (weeks) {
            case 1 -> "a week";
            case 2 -> "two weeks";
            case 3 -> "three weeks";
            case 4 -> "four weeks";
            case 5 -> "five weeks";
            case 6 -> "six weeks";
            case 7 -> "seven weeks";
            case 8 -> "eight weeks";
            default -> weeks + " weeks";
        };
    }
}
