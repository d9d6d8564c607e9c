package org.lorkit.application.letter;

import java.io.Serializable;
import org.lorkit.domain.letter.LetterRequestEvent;
import org.lorkit.domain.letter.LetterState;

import java.time.Instant;

public record LetterEventView(LetterState fromState, LetterState toState, String actor, String reason, Instant occurredAt) implements Serializable {
    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", java.util.Locale.US).withZone(java.time.ZoneOffset.UTC);

    /** Whether the state moved; news that changes nothing (a report about mail, a writer's note) shows its words only. */
    public boolean stateChanged() {
        return fromState != toState;
    }

    /** When it happened, as the history shows it. */
    public String when() {
        return WHEN.format(occurredAt);
    }

    public static LetterEventView of(LetterRequestEvent e) {
        return new LetterEventView(e.getFromState(), e.getToState(), e.getActor(), e.getReason(), e.getOccurredAt());
    }
}
