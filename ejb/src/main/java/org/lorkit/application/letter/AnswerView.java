package org.lorkit.application.letter;

import org.lorkit.domain.letter.AnswerHeard;
import org.lorkit.domain.letter.LetterRequest;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The answer recorded for a request: which of the guide's answers the student heard ({@code heard}, null when it was
 * recorded without saying which), the attending's words as the student wrote them, when, until when the student may
 * correct it, and why nobody may any more ({@code cannotCorrect}, null while it can be corrected).
 */
public record AnswerView(AnswerHeard heard, String words, Instant answeredAt, Instant studentMayCorrectUntil,
                         String cannotCorrect) implements Serializable {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US).withZone(ZoneOffset.UTC);

    /** The request's answer, or null when none is recorded yet. */
    public static AnswerView of(LetterRequest r) {
        if (r.getAnsweredAt() == null) {
            return null;
        }
        return new AnswerView(r.getAnswerHeard(), r.getAnswerWords(), r.getAnsweredAt(), r.getAnswerCorrectableByStudentUntil(),
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

    public String recordedOn() {
        return DAY.format(answeredAt);
    }

    public String studentMayCorrectUntilDay() {
        return DAY.format(studentMayCorrectUntil);
    }
}
