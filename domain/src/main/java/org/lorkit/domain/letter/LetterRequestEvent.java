package org.lorkit.domain.letter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.Instant;

/** The audit trail: one row per state change of a letter request, with who, when and why. Never changed. */
@Entity
@Table(name = "LETTER_REQUEST_EVENT")
@NamedQuery(name = "LetterRequestEvent.findByRequest",
        query = "select e from LetterRequestEvent e where e.request = :request order by e.occurredAt, e.id")
@NamedQuery(name = "LetterRequestEvent.fallingThroughBetween", query = "select r.id, s.fullName, a.fullName, e.fromState, e.toState, r.state, r.declineNote, e.occurredAt "
        + "from LetterRequestEvent e join e.request r join r.student s join r.attending a "
        + "where e.toState in :states and e.occurredAt >= :start and e.occurredAt < :end")
@NamedQuery(name = "LetterRequestEvent.findByStudent", query = "select e from LetterRequestEvent e where e.request.student = :student "
        + "order by e.occurredAt, e.id")
public class LetterRequestEvent extends TenantOwnedEntity {
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "LETTER_REQUEST_ID")
    private LetterRequest request;

    @Enumerated(EnumType.STRING)
    @Column(name = "FROM_STATE", length = 20)
    private LetterState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "TO_STATE", nullable = false, length = 20)
    private LetterState toState;

    @Column(nullable = false, length = 200)
    private String actor;

    @Column(length = 1000)
    private String reason;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    protected LetterRequestEvent() {
    }

    LetterRequestEvent(LetterRequest request, LetterState fromState, LetterState toState, String actor, String reason, Instant occurredAt) {
        this.request = request;
        this.fromState = fromState;
        this.toState = toState;
        request.reached(toState);
        this.actor = actor;
        this.reason = reason;
        this.occurredAt = occurredAt;
    }

    /** The first event of a request: it was planned. */
    public static LetterRequestEvent created(LetterRequest request, String actor, Instant at) {
        return new LetterRequestEvent(request, null, LetterState.PLANNED, actor, "planned", at);
    }

    public LetterRequest getRequest() {
        return request;
    }

    public LetterState getFromState() {
        return fromState;
    }

    public LetterState getToState() {
        return toState;
    }

    public String getActor() {
        return actor;
    }

    public String getReason() {
        return reason;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}
