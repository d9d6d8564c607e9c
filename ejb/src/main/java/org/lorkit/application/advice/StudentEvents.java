package org.lorkit.application.advice;

import org.lorkit.domain.rotation.AskWindow;
import org.lorkit.domain.shared.Dates;
import org.lorkit.infrastructure.mail.CalendarEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The calendar events a student downloads: a rotation's ask window and a sent kit's deadline. Their UIDs are the
 * rotation's and the request's, so downloading one again (after the deadline moved, say) updates the event instead of
 * adding another. Like the kit's own event they carry no link: a calendar keeps and syncs what it imports.
 */
final class StudentEvents {
    private StudentEvents() {
    }

    /**
     * The ideal window to ask, all day from its first day to the rotation's last; the acceptable weeks after it in the
     * description. {@code writerName} is whom to ask first, or null when nobody on the rotation is left to ask.
     */
    static CalendarEvent askWindow(long rotationId, String rotationTitle, AskWindow window, String writerName, Instant now) {
        LocalDate end = window.endDate();
        StringBuilder description = new StringBuilder()
                .append("The ideal time to ask for a letter of recommendation, in person: the last days of your rotation, ")
                .append(Dates.range(window.idealFrom(), end)).append(".\n")
                .append("After it ends, asking by email stays acceptable from ").append(Dates.range(end.plusDays(1), window.acceptableTo()))
                .append(".\n");
        if (writerName != null) {
            description.append("Whom to ask first: ").append(writerName).append(".\n");
        }
        description.append("Ask whether they would feel comfortable writing you a strong letter. The Ask page in LorKit has the words to use.");
        return new CalendarEvent("ask-window-" + rotationId + "@lorkit", 0, now, window.idealFrom(), end,
                (writerName == null ? "Ask for a strong letter: " : "Ask " + writerName + " for a strong letter: ") + rotationTitle,
                description.toString());
    }

    /**
     * A sent kit's deadline, for the student's own calendar: its own UID (not the attending's event's), and the
     * number of times the deadline went out before as its SEQUENCE, so a moved deadline updates it.
     */
    static CalendarEvent kitDeadline(long requestId, String writerName, LocalDate deadline, int sequence, Instant now) {
        return new CalendarEvent("kit-deadline-" + requestId + "@lorkit", sequence, now, deadline,
                "Letter from " + writerName + " due",
                writerName + "'s letter of recommendation is due on " + Dates.weekdayAndDay(deadline) + ".\n"
                        + "Once ERAS shows it as received, say so on your letters page in LorKit.");
    }
}
