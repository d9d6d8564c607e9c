package org.lorkit.domain.outbox;

/** PENDING until sent; FAILED after too many transient failures; BOUNCED when the server refused the address for good. */
public enum OutboxStatus {
    PENDING, SENT, FAILED, BOUNCED
}
