package org.lorkit.domain.rotation;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When to ask a rotation's attending for a letter. Ideal: the last five calendar days of the rotation, its last day
 * included (for a rotation ending 5 December: 1 to 5 December; 30 November is not yet). Acceptable: up to four weeks
 * after it ends, by email.
 * Later than that the ask is late, and after two months poor (their memory of the student fades).
 *
 * @param phase         where today falls
 * @param daysToEnd     days from today to the last day (0 on the last day, negative after it)
 * @param idealFrom     first day of the ideal window
 * @param acceptableTo  last day of the acceptable window
 */
public record AskWindow(Phase phase, long daysToEnd, LocalDate idealFrom, LocalDate endDate, LocalDate acceptableTo) implements Serializable {
    /** How many calendar days at the end of a rotation, its last day included, are the ideal time to ask. */
    public static final int IDEAL_LAST_DAYS = 5;
    /** The ideal window's first day is this many days before the last day. */
    public static final int IDEAL_FROM_DAYS_BEFORE_END = IDEAL_LAST_DAYS - 1;
    public static final int ACCEPTABLE_DAYS_AFTER_END = 28;
    public static final int LATE_DAYS_AFTER_END = 60;

    public enum Phase {
        /** Not yet started, or before the last five days: keep earning the letter. */
        TOO_EARLY,
        /** The last five days, the last day included: ask in person now. */
        IDEAL,
        /** Up to four weeks after the end: ask by email. */
        ACCEPTABLE,
        /** Past four weeks: still worth asking, flagged late. */
        LATE,
        /** Months later: the attending's memory is gone. */
        POOR
    }

    public static AskWindow of(LocalDate startDate, LocalDate endDate, LocalDate today) {
        long daysToEnd = ChronoUnit.DAYS.between(today, endDate);
        Phase phase;
        if (daysToEnd > IDEAL_FROM_DAYS_BEFORE_END || today.isBefore(startDate)) {
            phase = Phase.TOO_EARLY;
        } else if (daysToEnd >= 0) {
            phase = Phase.IDEAL;
        } else if (-daysToEnd <= ACCEPTABLE_DAYS_AFTER_END) {
            phase = Phase.ACCEPTABLE;
        } else if (-daysToEnd <= LATE_DAYS_AFTER_END) {
            phase = Phase.LATE;
        } else {
            phase = Phase.POOR;
        }
        LocalDate idealFrom = endDate.minusDays(IDEAL_FROM_DAYS_BEFORE_END);
        if (idealFrom.isBefore(startDate)) {
            idealFrom = startDate;
        }
        return new AskWindow(phase, daysToEnd, idealFrom, endDate, endDate.plusDays(ACCEPTABLE_DAYS_AFTER_END));
    }

    /** Asking now is within the ideal or acceptable window. */
    public boolean isInWindow() {
        return phase == Phase.IDEAL || phase == Phase.ACCEPTABLE;
    }

    /** Days left before the acceptable window closes (negative once it has). */
    public long daysUntilWindowCloses() {
        return ACCEPTABLE_DAYS_AFTER_END + daysToEnd;
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMM", java.util.Locale.US);

    /** The window in words, for a page that lists rotations: when to ask, and how, from where today falls. */
    public String describe() {
        String ideal = DAY.format(idealFrom) + (idealFrom.equals(endDate) ? "" : " to " + DAY.format(endDate));
        return switch (phase) {
            case TOO_EARLY -> "Ask in person " + ideal + "; by email until " + DAY.format(acceptableTo);
            case IDEAL -> "Now is the ideal time: ask in person by " + DAY.format(endDate) + "; by email until " + DAY.format(acceptableTo);
            case ACCEPTABLE -> {
                long left = daysUntilWindowCloses();
                yield "Ask by email by " + DAY.format(acceptableTo) + " (" + (left == 0 ? "the last day" : left == 1 ? "1 day left" : left + " days left") + ")";
            }
            case LATE -> "Late since " + DAY.format(acceptableTo.plusDays(1)) + ": still worth asking by email; name a specific date";
            case POOR -> "Months since it ended: ask only if they will remember your work well";
        };
    }
}
