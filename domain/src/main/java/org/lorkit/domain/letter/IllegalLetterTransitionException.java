package org.lorkit.domain.letter;

import org.lorkit.domain.shared.DomainException;

/** A letter request was asked to move to a state its current state does not lead to. */
public class IllegalLetterTransitionException extends DomainException {
    private final LetterState from;
    private final LetterState to;

    public IllegalLetterTransitionException(LetterState from, LetterState to) {
        super("state", from.isOpen()
                ? "A letter request in state " + from + " cannot move to " + to + "; it can move to " + from.next()
                : "A letter request in state " + from + " is closed and cannot move to " + to);
        this.from = from;
        this.to = to;
    }

    public LetterState from() {
        return from;
    }

    public LetterState to() {
        return to;
    }
}
