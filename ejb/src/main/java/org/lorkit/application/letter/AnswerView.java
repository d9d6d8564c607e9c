package org.lorkit.application.letter;

import org.lorkit.domain.letter.AnswerHeard;
import org.lorkit.domain.letter.LetterRequest;

import java.io.Serializable;
import org.lorkit.domain.shared.Dates;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The answer recorded for a request: which of the guide's answers the student heard ({@code heard}, null when it was
 * recorded without saying which), the attending's words as the student wrote them, when, until when the student may
 * correct it, and why nobody may any more ({@code cannotCorrect}, null while it can be corrected).
 */
public record AnswerView(AnswerHeard heard, String words, Instant answeredAt, LocalDate answeredOn, Instant studentMayCorrectUntil,
                         String cannotCorrect) implements Serializable {

    /** The request's answer, or null when none is recorded yet. */
    public static AnswerView of(LetterRequest r) {
        if (r.getAnsweredAt() == null) {
            return null;
        }
        return new AnswerView(r.getAnswerHeard(), r.getAnswerWords(), r.getAnsweredAt(), r.getAnsweredOn(), r.getAnswerCorrectableByStudentUntil(),
                r.whyAnswerCannotBeCorrected().orElse(null));
    }

    /** The answer as the pages name it. */
    public String label() {
        return heard == null ? "Recorded without saying which answer it was" : heard.label();
    }

    /** What it means for the letter, in plain words. */
    public String meaning() {
        return heard == null ? "" : heard.meaning();
    }

    /** Whether anyone may still correct it (staff may, whenever this holds). */
    public boolean correctable() {
        return cannotCorrect == null;
    }

    /** The day it was recorded, on the agency's calendar. */
    public String recordedOn() {
        return Dates.day(answeredOn);
    }

    /** The last day the student may correct it: 14 days after the day it was recorded. */
    public String studentMayCorrectUntilDay() {
        return answeredOn == null ? "" : Dates.day(answeredOn.plusDays(LetterRequest.ANSWER_CORRECTION_WINDOW.toDays()));
    }
}
