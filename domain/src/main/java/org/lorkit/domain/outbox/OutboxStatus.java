package org.lorkit.domain.outbox;

/**
 * PENDING until sent; FAILED after too many transient failures; BOUNCED when the address was refused for good (at
 * once, or by a later bounce report about a sent one); SUPPRESSED when its recipient had reported the agency's
 * mail as spam before it went.
 */
public enum OutboxStatus {
    PENDING, SENT, FAILED, BOUNCED, SUPPRESSED
}
