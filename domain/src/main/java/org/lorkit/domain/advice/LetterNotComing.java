package org.lorkit.domain.advice;

import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Require;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A letter staff must hear of on the student's page: the writer declined, or the letter is not coming after two
 * reminders (the domain brief: "tell the student and the agency to find another writer"), with whom to ask next by
 * the suggestion rule, in staff's words: "Dr. Patel (declined 3 Dec): next, ask Dr. Kim".
 *
 * @param on          the day it fell through, in the agency's time zone
 * @param nextWriters whom to ask next, best first (WriterSuggestions); empty when nobody is left
 */
public record LetterNotComing(long requestId, String writer, LetterState state, LocalDate on, List<WriterSuggestions.Suggestion> nextWriters)
        implements Serializable {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.US);
    /** How many next writers the line names. */
    public static final int NAMED = 2;

    public LetterNotComing {
        Require.present("writer", writer);
        Require.present("state", state);
        Require.present("on", on);
        if (!applies(state)) {
            throw new IllegalArgumentException("A letter in state " + state + " is still coming, or was withdrawn");
        }
        nextWriters = List.copyOf(nextWriters);
    }

    /** The states staff hear of: a decline, and no letter after two reminders. */
    public static boolean applies(LetterState state) {
        return state == LetterState.DECLINED || state == LetterState.NOT_COMING;
    }

    /** "Dr. Patel (declined 3 Dec)" or "Dr. Patel (not coming after two reminders, 3 Dec)". */
    public String what() {
        return writer + " (" + (state == LetterState.DECLINED ? "declined " : "not coming after two reminders, ") + DAY.format(on) + ")";
    }

    /** "next, ask Dr. Kim or Dr. Lee (only 9 days together: …)", or what to do when no supervisor is left. */
    public String next() {
        return nextWriters.isEmpty() ? "no supervisor is left to ask: place the student on a rotation, or add a supervisor"
                : "next, ask " + WriterSuggestions.inWords(nextWriters, NAMED, true);
    }

    /** The whole line: "Dr. Patel (declined 3 Dec): next, ask Dr. Kim". */
    public String line() {
        return what() + ": " + next();
    }
}
