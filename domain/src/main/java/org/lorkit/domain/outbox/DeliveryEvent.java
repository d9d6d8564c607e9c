package org.lorkit.domain.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.Instant;

/**
 * One thing LorKit learnt about the delivery of one of its emails. The source key names where it came from (a
 * report's Message-ID and the row, or the row and the attempt) and is unique per agency: the same report read
 * twice, by two nodes at once or after a crash, is recorded, and acted on, once. Never changed.
 */
@Entity
@Table(name = "DELIVERY_EVENT")
@NamedQuery(name = "DeliveryEvent.countBySource", query = "select count(e) from DeliveryEvent e where e.sourceKey = :key")
@NamedQuery(name = "DeliveryEvent.undeliveredBetween", query = "select e.letterRequestId, e.address, e.kind, e.occurredAt from DeliveryEvent e "
        + "where e.kind in :kinds and e.occurredAt >= :start and e.occurredAt < :end")
@NamedQuery(name = "DeliveryEvent.findBySource", query = "select e from DeliveryEvent e where e.sourceKey = :key")
public class DeliveryEvent extends TenantOwnedEntity {
    @Column(name = "OUTBOX_EMAIL_ID", nullable = false)
    private long outboxEmailId;

    @Column(name = "LETTER_REQUEST_ID")
    private Long letterRequestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeliveryEventKind kind;

    @Column(nullable = false, length = 254)
    private String address;

    @Column(length = 1000)
    private String detail;

    @Column(name = "SOURCE_KEY", nullable = false, length = 300)
    private String sourceKey;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    protected DeliveryEvent() {
    }

    public DeliveryEvent(OutboxEmail email, DeliveryEventKind kind, String detail, String sourceKey, Instant occurredAt) {
        this.outboxEmailId = Require.present("email", email).getId();
        this.letterRequestId = email.getLetterRequestId();
        this.kind = Require.present("kind", kind);
        this.address = email.getToAddress();
        this.detail = detail == null || detail.isBlank() ? null : detail.strip().substring(0, Math.min(detail.strip().length(), 1000));
        this.sourceKey = Require.text("sourceKey", sourceKey, 300);
        this.occurredAt = Require.present("occurredAt", occurredAt);
    }

    public long getOutboxEmailId() {
        return outboxEmailId;
    }

    public Long getLetterRequestId() {
        return letterRequestId;
    }

    public DeliveryEventKind getKind() {
        return kind;
    }

    public String getAddress() {
        return address;
    }

    public String getDetail() {
        return detail;
    }

    public String getSourceKey() {
        return sourceKey;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
