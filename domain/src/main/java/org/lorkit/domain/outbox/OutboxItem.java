package org.lorkit.domain.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.Instant;

/**
 * What every row of the outbox has, whatever it carries (an email, a webhook delivery): where it stands, how often it
 * was tried, when it is due, the last error, and which sender holds it until when. The sender claims rows by these
 * columns ({@code status}, {@code due_at}, {@code claimed_until}, {@code claimed_by}), the same in every outbox table,
 * and {@link RetryPolicy} schedules the next try after a failure that may pass.
 */
@MappedSuperclass
public abstract class OutboxItem extends TenantOwnedEntity {
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OutboxStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "DUE_AT", nullable = false)
    private Instant dueAt;

    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;

    /** A sender owns the row until then; after that another may take it over. */
    @Column(name = "CLAIMED_UNTIL")
    private Instant claimedUntil;

    /** Which node (and which start of it) holds the claim: a node that restarts frees its own at once. */
    @Column(name = "CLAIMED_BY", length = 120)
    private String claimedBy;

    protected OutboxItem() {
    }

    /** A new row, waiting to go at {@code dueAt}. */
    protected OutboxItem(Instant dueAt) {
        this.status = OutboxStatus.PENDING;
        this.dueAt = Require.present("dueAt", dueAt);
    }

    /** It went out (the mail server accepted the email, the endpoint answered 2xx): one more attempt, no error. */
    protected void completed() {
        this.status = OutboxStatus.SENT;
        this.attempts++;
        this.lastError = null;
        release();
    }

    /**
     * A failure that may pass: try again at {@code next}, or give up after {@code maxAttempts} attempts. Returns whether
     * it gave up now (the caller tells whoever must hear of it, once).
     */
    public boolean retryLater(String error, Instant next, int maxAttempts) {
        this.attempts++;
        this.lastError = shorten(error);
        release();
        if (attempts >= maxAttempts) {
            this.status = OutboxStatus.FAILED;
            return true;
        }
        this.dueAt = Require.present("next", next);
        return false;
    }

    /** Waits until {@code next} without counting an attempt: what stops it is not the row's fault. */
    protected void postpone(String error, Instant next) {
        this.lastError = shorten(error);
        this.dueAt = Require.present("next", next);
        release();
    }

    /** Ends the row in this state with this reason, counting the attempt if it was still waiting (a refusal just now). */
    protected void end(OutboxStatus ending, String why, boolean countAttempt) {
        if (countAttempt && status == OutboxStatus.PENDING) {
            this.attempts++;
        }
        this.status = ending;
        this.lastError = shorten(why);
        release();
    }

    /** What it was about no longer holds: this row, still waiting, does not go. */
    public void cancel(String why) {
        if (status == OutboxStatus.PENDING) {
            end(OutboxStatus.CANCELLED, why, false);
        }
    }

    protected void release() {
        this.claimedUntil = null;
        this.claimedBy = null;
    }

    protected static String shorten(String error) {
        return error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public String getLastError() {
        return lastError;
    }
}
