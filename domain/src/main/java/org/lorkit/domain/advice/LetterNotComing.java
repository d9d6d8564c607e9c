package org.lorkit.domain.advice;

import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.Require;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A letter staff must hear of on the student's page: the writer declined, or the letter is not coming after two
 * reminders (the domain brief: "tell the student and the agency to find another writer"), with whom to ask next by
 * the suggestion rule, in staff's words: "Dr. Patel (declined 3 Dec 2026): next, ask Dr. Kim".
 *
 * @param on          the day it fell through, in the agency's time zone
 * @param nextWriters whom to ask next, best first (WriterSuggestions); empty when nobody is left
 */
public record LetterNotComing(long requestId, String writer, LetterState state, LocalDate on, List<WriterSuggestions.Suggestion> nextWriters)
        implements Serializable {
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

    /** "Dr. Patel (declined 3 Dec 2026)" or "Dr. Patel (not coming after two reminders, 3 Dec 2026)". */
    public String what() {
        return writer + " (" + (state == LetterState.DECLINED ? "declined " : "not coming after two reminders, ") + Dates.day(on) + ")";
    }

    /** "next, ask Dr. Kim or Dr. Lee (only 9 days together: …)", or what to do when no supervisor is left. */
    public String next() {
        return nextWriters.isEmpty() ? "no supervisor is left to ask: place the student on a rotation, or add a supervisor"
                : "next, ask " + WriterSuggestions.inWords(nextWriters, NAMED, true);
    }

    /** The whole line: "Dr. Patel (declined 3 Dec 2026): next, ask Dr. Kim". */
    public String line() {
        return what() + ": " + next();
    }
}
