package org.lorkit.domain.outbox;

/**
 * PENDING until sent; FAILED after too many transient failures; BOUNCED when the address was refused for good (at
 * once, or by a later bounce report about a sent one); SUPPRESSED when its recipient had reported the agency's
 * mail as spam before it went; CANCELLED when what it was about no longer holds before it went (an email to the
 * attending about a request withdrawn, declined or corrected to a no in the meantime).
 */
public enum OutboxStatus {
    PENDING, SENT, FAILED, BOUNCED, SUPPRESSED, CANCELLED
}
