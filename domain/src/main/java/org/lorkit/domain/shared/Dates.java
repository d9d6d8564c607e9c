package org.lorkit.domain.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How LorKit writes a day and a moment for people: "2 Dec 2026", and "2 Dec 2026, 19:05 IST" on the agency's
 * calendar. A moment is always shown in the agency's time zone, never in the server's or UTC.
 */
public final class Dates {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.US);

    private Dates() {
    }

    public static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** The moment as the agency's people read it: the date and time in its zone, with the zone's short name. */
    public static String moment(Instant at, ZoneId agencyZone) {
        return at == null ? "" : MOMENT.format(at.atZone(agencyZone));
    }
}
