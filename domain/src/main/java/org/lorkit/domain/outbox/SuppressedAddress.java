package org.lorkit.domain.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.Instant;

/**
 * An address the agency sends nothing more to, because its owner reported the agency's mail as spam. Mailbox
 * providers punish senders that keep mailing complainers, and the writer has said what they think; staff clear it
 * (after talking to the writer), and the row stays, cleared, for the record.
 */
@Entity
@Table(name = "SUPPRESSED_ADDRESS")
@NamedQuery(name = "SuppressedAddress.active",
        query = "select s from SuppressedAddress s where s.address = :address and s.clearedAt is null")
@NamedQuery(name = "SuppressedAddress.allActive",
        query = "select s from SuppressedAddress s where s.clearedAt is null order by s.since desc, s.id desc")
@NamedQuery(name = "SuppressedAddress.activeAmong", query = "select s.address from SuppressedAddress s "
        + "where s.clearedAt is null and s.address in :addresses")
public class SuppressedAddress extends TenantOwnedEntity {
    @Column(nullable = false, length = 254)
    private String address;

    @Column(nullable = false)
    private Instant since;

    @Column(length = 1000)
    private String detail;

    @Column(name = "CLEARED_BY", length = 200)
    private String clearedBy;

    @Column(name = "CLEARED_AT")
    private Instant clearedAt;

    protected SuppressedAddress() {
    }

    public SuppressedAddress(String address, String detail, Instant since) {
        this.address = normalise(address);
        this.detail = detail == null || detail.isBlank() ? null : detail.strip().substring(0, Math.min(detail.strip().length(), 1000));
        this.since = Require.present("since", since);
    }

    /** Addresses compare without case (Require.email lower-cases, as every address LorKit stores is). */
    public static String normalise(String address) {
        return Require.email("address", address);
    }

    public void clear(String by, Instant at) {
        if (clearedAt != null) {
            throw new org.lorkit.domain.shared.DomainException("address", "Mail to " + address + " was already allowed again");
        }
        this.clearedBy = Require.text("by", by, 200);
        this.clearedAt = Require.present("at", at);
    }

    public boolean isActive() {
        return clearedAt == null;
    }

    public String getAddress() {
        return address;
    }

    public Instant getSince() {
        return since;
    }

    public String getDetail() {
        return detail;
    }

    public String getClearedBy() {
        return clearedBy;
    }

    public Instant getClearedAt() {
        return clearedAt;
    }
}
