package org.lorkit.domain.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.Instant;

/**
 * An email waiting to be sent, written in the same transaction as the change it reports. The
 * dedup key (request, kind, due date) is unique, so the same email is never enqueued twice.
 */
@Entity
@Table(name = "OUTBOX_EMAIL")
public class OutboxEmail extends TenantOwnedEntity {
    @Column(name = "DEDUP_KEY", nullable = false, length = 200)
    private String dedupKey;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(name = "LETTER_REQUEST_ID")
    private Long letterRequestId;

    @Column(name = "TO_ADDRESS", nullable = false, length = 254)
    private String toAddress;

    @Column(name = "REPLY_TO", length = 254)
    private String replyTo;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(name = "BODY_TEXT", nullable = false, length = 20000)
    private String bodyText;

    @Column(name = "BODY_HTML", length = 60000)
    private String bodyHtml;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OutboxStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "DUE_AT", nullable = false)
    private Instant dueAt;

    @Column(name = "SENT_AT")
    private Instant sentAt;

    @Column(name = "LAST_ERROR", length = 1000)
    private String lastError;

    protected OutboxEmail() {
    }

    public OutboxEmail(String dedupKey, String kind, Long letterRequestId, String toAddress, String replyTo,
                       String subject, String bodyText, String bodyHtml, Instant dueAt) {
        this.dedupKey = Require.text("dedupKey", dedupKey, 200);
        this.kind = Require.text("kind", kind, 40);
        this.letterRequestId = letterRequestId;
        this.toAddress = Require.email("toAddress", toAddress);
        this.replyTo = replyTo;
        this.subject = Require.text("subject", subject, 300);
        this.bodyText = Require.text("bodyText", bodyText, 20000);
        this.bodyHtml = bodyHtml;
        this.status = OutboxStatus.PENDING;
        this.dueAt = Require.present("dueAt", dueAt);
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public String getKind() {
        return kind;
    }

    public Long getLetterRequestId() {
        return letterRequestId;
    }

    public String getToAddress() {
        return toAddress;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public String getSubject() {
        return subject;
    }

    public String getBodyText() {
        return bodyText;
    }

    public String getBodyHtml() {
        return bodyHtml;
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

    public Instant getSentAt() {
        return sentAt;
    }

    public String getLastError() {
        return lastError;
    }
}
