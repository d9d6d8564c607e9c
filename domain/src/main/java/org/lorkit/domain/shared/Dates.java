package org.lorkit.domain.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * How LorKit writes a day and a moment for people, on every page, in every email and on the kit document: "29 Dec
 * 2026", "Friday, 29 Dec 2026" where the weekday helps, and "2 Dec 2026, 19:05 IST" on the agency's calendar. A
 * moment is always shown in the agency's time zone, never in the server's or UTC. Form fields take a day the same way
 * ({@link #INPUT_PATTERN}) and also accept 2026-12-29.
 */
public final class Dates {
    /** The pattern of every date field (PrimeFaces' date picker and the converter): "29 Dec 2026". */
    public static final String INPUT_PATTERN = "d MMM yyyy";
    /** What a date field says it takes. */
    public static final String INPUT_HINT = "day month year, for example 29 Dec 2026";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern(INPUT_PATTERN, Locale.US);
    private static final DateTimeFormatter DAY_NO_YEAR = DateTimeFormatter.ofPattern("d MMM", Locale.US);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.US);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM", Locale.US);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm zzz", Locale.US);
    private static final DateTimeFormatter TYPED = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("[d MMM yyyy][d MMMM yyyy][yyyy-MM-dd]").toFormatter(Locale.US);

    private Dates() {
    }

    /** "29 Dec 2026". */
    public static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** "Friday, 29 Dec 2026": a deadline or a last day, where the weekday helps a busy reader. */
    public static String weekdayAndDay(LocalDate day) {
        return day == null ? "" : WEEKDAY.format(day) + ", " + DAY.format(day);
    }

    /** "Friday": a day within the coming week. */
    public static String weekday(LocalDate day) {
        return day == null ? "" : WEEKDAY.format(day);
    }

    /** "3 Nov – 1 Dec 2026", or "14 Dec 2026 – 8 Jan 2027" across a new year. */
    public static String range(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return from == null ? day(to) : day(from);
        }
        return (from.getYear() == to.getYear() ? DAY_NO_YEAR.format(from) : DAY.format(from)) + " – " + DAY.format(to);
    }

    /** "3 Nov": a day of a range the year of which is written once. */
    public static String dayWithoutYear(LocalDate day) {
        return day == null ? "" : DAY_NO_YEAR.format(day);
    }

    /**
     * The months a rotation covers, as a writer remembers it: "November 2026", "November–December 2026",
     * "December 2026–January 2027".
     */
    public static String months(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return from == null ? (to == null ? "" : MONTH_YEAR.format(to)) : MONTH_YEAR.format(from);
        }
        if (from.getYear() == to.getYear() && from.getMonth() == to.getMonth()) {
            return MONTH_YEAR.format(from);
        }
        if (from.getYear() == to.getYear()) {
            return MONTH.format(from) + "–" + MONTH_YEAR.format(to);
        }
        return MONTH_YEAR.format(from) + "–" + MONTH_YEAR.format(to);
    }

    /** The moment as the agency's people read it: the date and time in its zone, with the zone's short name. */
    public static String moment(Instant at, ZoneId agencyZone) {
        return at == null ? "" : MOMENT.format(at.atZone(agencyZone));
    }

    /** "19:05 IST": the time of a moment today, in the agency's zone. */
    public static String time(Instant at, ZoneId agencyZone) {
        return at == null ? "" : TIME.format(at.atZone(agencyZone));
    }

    /** A day as a person typed it: "29 Dec 2026", "29 December 2026" or "2026-12-29"; empty when it is none of them. */
    public static Optional<LocalDate> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(typed.trim().replaceAll("\\s+", " "), TYPED));
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }
}
