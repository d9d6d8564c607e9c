package org.lorkit.infrastructure.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * An all-day event as an iCalendar object (RFC 5545), such as a deadline attached to an email or a student's ask
 * window to download. Written in Java rather than a template, as the format asks for what templates do badly: TEXT
 * values escaped, every line folded at 75 octets of UTF-8 (never inside a character) and CRLF line ends.
 *
 * @param uid         the same for every version of the event, so a calendar updates it instead of adding another
 * @param sequence    how many times the event was issued before this version (0 for the first)
 * @param stamp       when this version was made
 * @param day         the first day of the event
 * @param lastDay     its last day (the same as {@code day} for a one-day event); the event ends at the start of the next
 *                    (DTEND is exclusive)
 * @param summary     the event's title
 * @param description what the event is about, as plain text (line ends allowed)
 */
public record CalendarEvent(String uid, int sequence, Instant stamp, LocalDate day, LocalDate lastDay, String summary, String description) {
    /** RFC 5545 3.1: lines longer than this, not counting the line end, are folded. */
    public static final int MAX_LINE_OCTETS = 75;
    private static final DateTimeFormatter UTC_DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    public CalendarEvent {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(lastDay, "lastDay");
        if (lastDay.isBefore(day)) {
            throw new IllegalArgumentException("lastDay " + lastDay + " before day " + day);
        }
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(description, "description");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence " + sequence);
        }
    }

    /** A one-day event. */
    public CalendarEvent(String uid, int sequence, Instant stamp, LocalDate day, String summary, String description) {
        this(uid, sequence, stamp, day, day, summary, description);
    }

    /** The iCalendar object, as a text/calendar attachment (or download) holds it. */
    public String toIcs() {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//LorKit//Letter kit//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + text(uid));
        line(out, "SEQUENCE:" + sequence);
        line(out, "DTSTAMP:" + UTC_DATE_TIME.format(stamp));
        line(out, "DTSTART;VALUE=DATE:" + DATE.format(day));
        line(out, "DTEND;VALUE=DATE:" + DATE.format(lastDay.plusDays(1)));
        // A deadline or a window to ask in does not make anyone busy all day.
        line(out, "TRANSP:TRANSPARENT");
        line(out, "SUMMARY:" + text(summary));
        line(out, "DESCRIPTION:" + text(description));
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /**
     * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, a line end (CRLF, CR or LF) as
     * {@code \n}; other control characters, which TEXT does not allow, are left out.
     */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                case '\r' -> {
                    if (i + 1 == value.length() || value.charAt(i + 1) != '\n') {
                        escaped.append("\\n");
                    }
                }
                default -> {
                    if (c == '\t' || (c >= 0x20 && c != 0x7F)) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /**
     * Appends a content line folded at 75 octets (RFC 5545 3.1): a continuation starts with one space, which
     * counts, and a break falls between characters, never inside one's UTF-8 bytes.
     */
    static void line(StringBuilder out, String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = utf8Octets(codePoint);
            if (octets + size > MAX_LINE_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }

    private static int utf8Octets(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        // A lone surrogate: 3, the most an encoder writes for it.
        return codePoint < 0x10000 ? 3 : 4;
    }
}
