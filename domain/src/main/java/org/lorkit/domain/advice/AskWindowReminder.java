package org.lorkit.domain.advice;

import org.lorkit.domain.advice.StudentSituation.RotationFacts;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.rotation.AskWindow;
import org.lorkit.domain.shared.Dates;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The student's one email when a rotation's ideal window to ask opens (issue 18): "Your rotation at St. Mary's ends on
 * Friday: this week is the time to ask Dr. Patel". It is due from the first day of the ideal window (AskWindow, the
 * agency's last days of the rotation) to its last: on the day it opens, or at the first sweep inside it if that day
 * was missed, never before and never after. And only while someone on that rotation is still worth asking: a
 * supervisor the student has not asked (no request to them, on any rotation, went further than planned: the guide's
 * "don't push them", as WriterSuggestions#next reads it) and whose latest feedback check raised no red flag (the guide:
 * do not force a letter from them). The best of them by the suggestion rule is the one the email names. The outbox
 * keeps it to one email per rotation; the same rule, asked again just before it goes, says whether it is still wanted.
 */
public final class AskWindowReminder {
    private AskWindowReminder() {
    }

    /** What the email says: the rotation, where today falls in its window, and whom to ask. */
    public record Reminder(RotationFacts rotation, AskWindow window, WriterSuggestions.Suggestion writer) {
        /** "ends today", "ends tomorrow", "ends on Friday" (the ideal window is at most a week: the weekday is enough). */
        public String ends() {
            long days = window.daysToEnd();
            return days == 0 ? "ends today" : days == 1 ? "ends tomorrow" : "ends on " + Dates.weekday(window.endDate());
        }

        /** The writer as the email names them: {@link #writerName(WriterSuggestions.Suggestion)}. */
        public String writerName() {
            return AskWindowReminder.writerName(writer);
        }

        /** When to ask, in the same words: "today" on the last day, "now" on the day before, else "this week". */
        public String when() {
            long days = window.daysToEnd();
            return days == 0 ? "today" : days == 1 ? "now" : "this week";
        }
    }

    /**
     * How the ask-window email and calendar event name the writer: the attending's name as the directory holds it, as
     * every other email does. The one place to change it (to "Dr." and the family name, say).
     */
    public static String writerName(WriterSuggestions.Suggestion writer) {
        return writer.candidate().name();
    }

    /** The email about this rotation of the student's, if it is due today (and, at sending, still wanted). */
    public static Optional<Reminder> due(StudentSituation situation, long rotationId, LocalDate today, AgencyRules rules) {
        Optional<RotationFacts> rotation = situation.rotations().stream().filter(r -> r.id() == rotationId).findFirst();
        if (rotation.isEmpty()) {
            return Optional.empty();
        }
        AskWindow window = AskWindow.of(rotation.get().startDate(), rotation.get().endDate(), today, rules);
        if (window.phase() != AskWindow.Phase.IDEAL) {
            return Optional.empty();
        }
        return writerToAsk(situation, rotationId, rules).map(writer -> new Reminder(rotation.get(), window, writer));
    }

    /**
     * The supervisor of this rotation the student should ask, by the suggestion rule: the best one not yet asked on any
     * rotation and without a red flag; empty when nobody on the rotation is left worth asking.
     */
    public static Optional<WriterSuggestions.Suggestion> writerToAsk(StudentSituation situation, long rotationId, AgencyRules rules) {
        return WriterSuggestions.next(situation, rules).stream()
                .filter(s -> s.candidate().rotationId() == rotationId)
                .filter(s -> !s.reasons().contains(WriterSuggestions.Reason.RED_FLAG))
                .findFirst();
    }
}
