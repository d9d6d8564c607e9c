package org.lorkit.domain.letter;

import org.lorkit.domain.shared.Labels;

/**
 * What the attending answered to "would you feel comfortable writing me a strong letter?", as the guide tells the
 * cases apart. The student chooses the one they heard (LorKit's reading of their words only pre-selects a guess);
 * each leads to a state: a real yes to STRONG_YES; a letter without "strong", "I don't know you that well" and "maybe,
 * if I have time" are polite no's (LUKEWARM: the letter is not used); "more factual than strong" and "not comfortable"
 * are no's (DECLINED). An offer made before the student asked is no answer to the strong question: the request stays
 * PLANNED, marked as offered, until the student asks for a strong letter and records that answer.
 * Stored by name (LETTER_REQUEST.ANSWER_HEARD): new cases go anywhere, names never change.
 */
public enum AnswerHeard {
    STRONG_YES("yes to a strong letter", LetterState.STRONG_YES),
    LETTER_WITHOUT_STRONG("a letter without \"strong\"", LetterState.LUKEWARM),
    DOESNT_KNOW_ME_WELL("\"I don't know you that well\"", LetterState.LUKEWARM),
    MAYBE_IF_TIME("\"maybe, if I have time\"", LetterState.LUKEWARM),
    MORE_FACTUAL("\"more factual than strong\"", LetterState.DECLINED),
    NOT_COMFORTABLE("\"not comfortable\" (a no)", LetterState.DECLINED),
    OFFERED_BEFORE_ASKED("offered a letter before being asked", LetterState.PLANNED);

    private final String said;
    private final LetterState leadsTo;

    AnswerHeard(String said, LetterState leadsTo) {
        this.said = said;
        this.leadsTo = leadsTo;
    }

    /** The choice as the student reads it on the page. */
    public String label() {
        return Labels.of(this);
    }

    /** The case inside a sentence of the history ("answer corrected from … to …"). */
    public String said() {
        return said;
    }

    /** The state of the request once this answer is recorded. */
    public LetterState leadsTo() {
        return leadsTo;
    }

    public boolean isStrongYes() {
        return this == STRONG_YES;
    }

    /** A polite no: the letter would not be strong, so it is not used. */
    public boolean isPoliteNo() {
        return leadsTo == LetterState.LUKEWARM;
    }

    /** What the answer means, in one short phrase for the history: "a real yes", "a polite no"… */
    public String verdict() {
        return switch (leadsTo) {
            case STRONG_YES -> "a real yes";
            case LUKEWARM -> "a polite no";
            case DECLINED -> "a no";
            default -> "not yet an answer to the strong question";
        };
    }

    /** What the student does next, in plain words. */
    public String meaning() {
        return switch (leadsTo) {
            case STRONG_YES -> "A real yes. Send the kit today, with a deadline three to four weeks away.";
            case LUKEWARM -> "A polite no. Do not use that letter: thank them, and ask another writer.";
            case DECLINED -> "A no. Thank them, and find another writer.";
            default -> "Not yet a yes to a strong letter. Ask them now: \"Would you feel comfortable writing me a strong letter?\" "
                    + "Then record that answer.";
        };
    }
}
