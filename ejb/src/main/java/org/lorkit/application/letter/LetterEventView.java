package org.lorkit.application.letter;

import java.io.Serializable;
import org.lorkit.domain.letter.LetterRequestEvent;
import org.lorkit.domain.letter.LetterState;

import java.time.Instant;

public record LetterEventView(LetterState fromState, LetterState toState, String actor, String reason, Instant occurredAt) implements Serializable {
    static LetterEventView of(LetterRequestEvent e) {
        return new LetterEventView(e.getFromState(), e.getToState(), e.getActor(), e.getReason(), e.getOccurredAt());
    }
}
