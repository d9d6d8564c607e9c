package org.lorkit.web.api;

import org.lorkit.domain.shared.DomainException;

/** The one "not found" of the services ("No student with id 52"), for a read that found nothing. */
final class NotFound {
    private NotFound() {
    }

    static DomainException of(String what, long id) {
        return new DomainException("id", "No " + what + " with id " + id);
    }
}
