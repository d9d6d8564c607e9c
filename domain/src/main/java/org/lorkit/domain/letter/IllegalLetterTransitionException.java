package org.lorkit.domain.letter;

import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Labels;

import java.util.stream.Collectors;

/** A letter request was asked to move to a state its current state does not lead to. */
public class IllegalLetterTransitionException extends DomainException {
    private final LetterState from;
    private final LetterState to;

    public IllegalLetterTransitionException(LetterState from, LetterState to) {
        super("state", from.isOpen()
                ? "A letter request in state " + quoted(from) + " cannot move to " + quoted(to) + "; it can move to "
                + from.next().stream().map(IllegalLetterTransitionException::quoted).collect(Collectors.joining(", "))
                : "A letter request in state " + quoted(from) + " is closed and cannot move to " + quoted(to));
        this.from = from;
        this.to = to;
    }

    /** A state as the message names it: its label, "Kit sent". */
    private static String quoted(LetterState state) {
        return "\"" + Labels.of(state) + "\"";
    }

    public LetterState from() {
        return from;
    }

    public LetterState to() {
        return to;
    }
}
