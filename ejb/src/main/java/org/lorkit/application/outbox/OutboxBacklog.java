package org.lorkit.application.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The outbox's due, unsent emails across agencies: how many, and since when the oldest of them has been due (null
 * when none is). A retried or held email is due again only at its next attempt, so an old one here means the senders
 * are not keeping up or not sending at all, not that the mail server refuses (its own readiness check says that).
 */
public record OutboxBacklog(long due, Instant oldestDueAt) {
    public static final OutboxBacklog NONE = new OutboxBacklog(0, null);

    /** How long the oldest has been due at that moment; zero when none is. */
    public Duration oldestAge(Instant now) {
        if (oldestDueAt == null || now.isBefore(oldestDueAt)) {
            return Duration.ZERO;
        }
        return Duration.between(oldestDueAt, now);
    }

    /** Whether the oldest has waited longer than it may. */
    public boolean waitedLongerThan(Duration limit, Instant now) {
        return oldestAge(now).compareTo(limit) > 0;
    }
}
