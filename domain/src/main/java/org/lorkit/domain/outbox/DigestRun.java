package org.lorkit.domain.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The agency's daily digest of one local day was made: how many emails it queued (none when the day had nothing
 * to say). Unique per agency and day, so the digest of a day is made once, by one node, however often the timer
 * looks; a second node trying at the same moment waits on the first one's row and then fails, queueing nothing.
 */
@Entity
@Table(name = "DIGEST_RUN")
@NamedQuery(name = "DigestRun.countForDay", query = "select count(r) from DigestRun r where r.digestDay = :day")
public class DigestRun extends TenantOwnedEntity {
    @Column(name = "DIGEST_DAY", nullable = false)
    private LocalDate digestDay;

    @Column(name = "RAN_AT", nullable = false)
    private Instant ranAt;

    @Column(name = "EMAILS_QUEUED", nullable = false)
    private int emailsQueued;

    protected DigestRun() {
    }

    public DigestRun(LocalDate day, Instant ranAt) {
        this.digestDay = Require.present("day", day);
        this.ranAt = Require.present("ranAt", ranAt);
    }

    public void queued(int emails) {
        if (emails < 0) {
            throw new IllegalArgumentException("emails cannot be negative");
        }
        this.emailsQueued = emails;
    }

    public LocalDate getDay() {
        return digestDay;
    }

    public Instant getRanAt() {
        return ranAt;
    }

    public int getEmailsQueued() {
        return emailsQueued;
    }
}
