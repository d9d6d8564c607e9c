package org.lorkit.application.dashboard;

import org.lorkit.application.letter.LetterEventView;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.domain.advice.LetterNotComing;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One student as staff see them when they drill down: their standing, every letter request with its events,
 * the notes staff kept, and, first, the letters that fell through (declined, or not coming after two reminders)
 * with whom the student could ask next.
 */
public record StudentTimeline(long studentId, String name, String email, String cohort, LocalDate submitOn,
                              List<Letter> letters, List<Note> notes, List<LetterNotComing> notComing) implements Serializable {

    /** {@code declineNote}: what the attending wrote for the agency alone when declining (never shown to the student). */
    public record Letter(LetterRequestView request, List<LetterEventView> events, String declineNote) implements Serializable {
    }

    public record Note(String author, String text, Instant writtenAt, java.time.ZoneId zone) implements Serializable {
        /** When it was written, on the agency's calendar. */
        public String when() {
            return org.lorkit.domain.shared.Dates.moment(writtenAt, zone);
        }
    }
}
