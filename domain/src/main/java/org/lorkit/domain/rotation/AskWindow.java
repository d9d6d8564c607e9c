package org.lorkit.domain.rotation;

import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.shared.Dates;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When to ask a rotation's attending for a letter. Ideal: the last days of the rotation, its last day included (five
 * by default: for a rotation ending 5 December, 1 to 5 December; 30 November is not yet). Acceptable: some weeks
 * after it ends, by email (four by default). The agency sets both numbers (AgencyRules).
 * Later than that the ask is late, and after two months poor (their memory of the student fades).
 *
 * @param phase         where today falls
 * @param daysToEnd     days from today to the last day (0 on the last day, negative after it)
 * @param idealFrom     first day of the ideal window
 * @param acceptableTo  last day of the acceptable window
 */
public record AskWindow(Phase phase, long daysToEnd, LocalDate idealFrom, LocalDate endDate, LocalDate acceptableTo) implements Serializable {
    /** Past this many days after the end, an ask is poor rather than late. */
    public static final int LATE_DAYS_AFTER_END = 60;

    public enum Phase {
        /** Not yet started, or before the ideal last days: keep earning the letter. */
        TOO_EARLY,
        /** The ideal last days, the last day included: ask in person now. */
        IDEAL,
        /** Up to the acceptable weeks after the end: ask by email. */
        ACCEPTABLE,
        /** Past the acceptable weeks: still worth asking, flagged late; say so and name a specific date. */
        LATE,
        /** Months later: the attending's memory is gone. */
        POOR
    }

    /** The ideal window's first day is this many days before the last day. */
    public static int idealFromDaysBeforeEnd(AgencyRules rules) {
        return rules.idealLastDays() - 1;
    }

    /** Where today falls for a rotation, by the agency's numbers. */
    public static AskWindow of(LocalDate startDate, LocalDate endDate, LocalDate today, AgencyRules rules) {
        long daysToEnd = ChronoUnit.DAYS.between(today, endDate);
        int idealFromDaysBeforeEnd = idealFromDaysBeforeEnd(rules);
        int acceptableDaysAfterEnd = rules.acceptableDaysAfterEnd();
        Phase phase;
        if (daysToEnd > idealFromDaysBeforeEnd || today.isBefore(startDate)) {
            phase = Phase.TOO_EARLY;
        } else if (daysToEnd >= 0) {
            phase = Phase.IDEAL;
        } else if (-daysToEnd <= acceptableDaysAfterEnd) {
            phase = Phase.ACCEPTABLE;
        } else if (-daysToEnd <= LATE_DAYS_AFTER_END) {
            phase = Phase.LATE;
        } else {
            phase = Phase.POOR;
        }
        LocalDate idealFrom = endDate.minusDays(idealFromDaysBeforeEnd);
        if (idealFrom.isBefore(startDate)) {
            idealFrom = startDate;
        }
        return new AskWindow(phase, daysToEnd, idealFrom, endDate, endDate.plusDays(acceptableDaysAfterEnd));
    }

    /** Asking now is within the ideal or acceptable window. */
    public boolean isInWindow() {
        return phase == Phase.IDEAL || phase == Phase.ACCEPTABLE;
    }

    /** Days left before the acceptable window closes (negative once it has). */
    public long daysUntilWindowCloses() {
        return ChronoUnit.DAYS.between(endDate, acceptableTo) + daysToEnd;
    }

    /** Past the acceptable window (late or poor): the ask says it is late and names a specific date. */
    public boolean isLate() {
        return phase == Phase.LATE || phase == Phase.POOR;
    }

    /** The window in words, for a page that lists rotations: when to ask, and how, from where today falls. */
    public String describe() {
        String ideal = Dates.day(idealFrom) + (idealFrom.equals(endDate) ? "" : " to " + Dates.day(endDate));
        return switch (phase) {
            case TOO_EARLY -> "Ask in person " + ideal + "; by email until " + Dates.day(acceptableTo);
            case IDEAL -> "Now is the ideal time: ask in person by " + Dates.day(endDate) + "; by email until " + Dates.day(acceptableTo);
            case ACCEPTABLE -> {
                long left = daysUntilWindowCloses();
                yield "Ask by email by " + Dates.day(acceptableTo) + " (" + (left == 0 ? "the last day" : left == 1 ? "1 day left" : left + " days left") + ")";
            }
            case LATE -> "Late since " + Dates.day(acceptableTo.plusDays(1)) + ": still worth asking by email; name a specific date";
            case POOR -> "Months since it ended: ask only if they will remember your work well";
        };
    }
}
