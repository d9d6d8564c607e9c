package org.lorkit.domain.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.Instant;

/**
 * One capability link: bound to one letter request and one purpose, found by the hash of its token,
 * expiring and revocable. A KIT link reads for 90 days; a CONFIRM link works until the request closes.
 */
@Entity
@Table(name = "ATTENDING_LINK")
@NamedQuery(name = "AttendingLink.findByHash", query = "select l from AttendingLink l where l.tokenHash = :hash")
@NamedQuery(name = "AttendingLink.findByRequest", query = "select l from AttendingLink l where l.request = :request")
@NamedQuery(name = "AttendingLink.deleteOfOutboxEmail", query = "delete from AttendingLink l where l.outboxEmailId = :outbox")
public class AttendingLink extends TenantOwnedEntity {
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "LETTER_REQUEST_ID")
    private LetterRequest request;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private LinkPurpose purpose;

    @Column(name = "TOKEN_HASH", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "ISSUED_AT", nullable = false)
    private Instant issuedAt;

    /** Null for links that last as long as the request is open. */
    @Column(name = "EXPIRES_AT")
    private Instant expiresAt;

    @Column(name = "REVOKED_AT")
    private Instant revokedAt;

    /** The email that carried the link, so a fresh link goes to the same address on file. */
    @Column(name = "OUTBOX_EMAIL_ID")
    private Long outboxEmailId;

    protected AttendingLink() {
    }

    public AttendingLink(LetterRequest request, LinkPurpose purpose, String tokenHash, Long outboxEmailId, Instant issuedAt) {
        this.request = Require.present("request", request);
        this.purpose = Require.present("purpose", purpose);
        this.tokenHash = Require.text("tokenHash", tokenHash, 64);
        this.outboxEmailId = outboxEmailId;
        this.issuedAt = Require.present("issuedAt", issuedAt);
        this.expiresAt = purpose == LinkPurpose.KIT ? issuedAt.plus(LinkPurpose.KIT_LIFETIME) : null;
    }

    /** What a visit with this link may do, for the purpose the page serves. */
    public enum Access { OPEN, EXPIRED, REVOKED, WRONG_PURPOSE }

    public Access access(LinkPurpose wanted, Instant now) {
        if (revokedAt != null) {
            return Access.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return Access.EXPIRED;
        }
        if (purpose != wanted) {
            return Access.WRONG_PURPOSE;
        }
        if (purpose == LinkPurpose.CONFIRM && !request.getState().isOpen()) {
            return Access.EXPIRED;
        }
        return Access.OPEN;
    }

    /** Answers (confirm, uploaded, decline, remind me) are possible while the request is open. */
    public boolean canAnswer(Instant now) {
        return access(purpose, now) == Access.OPEN && request.getState().isOpen();
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = Require.present("at", at);
        }
    }

    public LetterRequest getRequest() {
        return request;
    }

    public LinkPurpose getPurpose() {
        return purpose;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public Long getOutboxEmailId() {
        return outboxEmailId;
    }
}
