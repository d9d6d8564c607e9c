package org.lorkit.domain.letter;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.lorkit.domain.letter.LetterRequest.WriterAnswer;
import org.lorkit.domain.shared.Require;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The writer's last answer and the state before it, so the kit page can offer to take it back for
 * {@link #WINDOW}. Embedded in its letter request; immutable, so a new answer replaces the old one.
 */
@Embeddable
public class WriterUndo implements Serializable {
    /** How long the attending may take back an answer clicked by mistake. */
    public static final Duration WINDOW = Duration.ofMinutes(30);
    /** Nothing to take back: what a request whose three columns are empty reads as (never stored into a request as such). */
    public static final WriterUndo NONE = new WriterUndo();

    @Enumerated(EnumType.STRING)
    @Column(name = "UNDO_STATE", length = 20)
    private LetterState before;

    @Column(name = "UNDO_UNTIL")
    private Instant until;

    @Enumerated(EnumType.STRING)
    @Column(name = "UNDO_ANSWER", length = 20)
    private WriterAnswer answer;

    protected WriterUndo() {
    }

    private WriterUndo(WriterAnswer answer, LetterState before, Instant until) {
        this.answer = answer;
        this.before = before;
        this.until = until;
    }

    /** The writer gave this answer at {@code at}, when the request was in {@code before}. */
    public static WriterUndo of(WriterAnswer answer, LetterState before, Instant at) {
        return new WriterUndo(Require.present("answer", answer), Require.present("before", before),
                Require.present("at", at).plus(WINDOW));
    }

    /** Whether the answer may still be taken back at {@code now}. */
    public boolean canUndo(Instant now) {
        return answer != null && before != null && until != null && now.isBefore(until);
    }

    /** The answer that may still be taken back at {@code now}, or null. */
    public WriterAnswer undoableAt(Instant now) {
        return canUndo(now) ? answer : null;
    }

    public WriterAnswer answer() {
        return answer;
    }

    /** The state the request was in before the answer, and returns to on an undo. */
    public LetterState before() {
        return before;
    }

    public Instant until() {
        return until;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WriterUndo that && answer == that.answer && before == that.before && Objects.equals(until, that.until);
    }

    @Override
    public int hashCode() {
        return Objects.hash(answer, before, until);
    }

    @Override
    public String toString() {
        return "WriterUndo[answer=" + answer + ", before=" + before + ", until=" + until + "]";
    }
}
