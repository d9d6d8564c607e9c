package org.lorkit.application.letter;

import org.lorkit.domain.letter.LetterRequestEvent;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Dates;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;

/** One entry of a request's history, with the agency's time zone it is shown in. */
public record LetterEventView(LetterState fromState, LetterState toState, String actor, String reason, Instant occurredAt,
                              ZoneId zone) implements Serializable {

    /** Whether the state moved; news that changes nothing (a report about mail, a writer's note) shows its words only. */
    public boolean stateChanged() {
        return fromState != toState;
    }

    /** When it happened, on the agency's calendar. */
    public String when() {
        return Dates.moment(occurredAt, zone);
    }

    public static LetterEventView of(LetterRequestEvent e, ZoneId agencyZone) {
        return new LetterEventView(e.getFromState(), e.getToState(), e.getActor(), e.getReason(), e.getOccurredAt(), agencyZone);
    }
}
