package org.lorkit.domain.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.outbox.OutboxItem;
import org.lorkit.domain.outbox.OutboxStatus;
import org.lorkit.domain.shared.Require;

import java.time.Instant;

/**
 * One event on its way to one endpoint: a row of the outbox, written in the transaction of the change the event
 * tells of, claimed and retried like an email ({@link OutboxItem}, {@link org.lorkit.domain.outbox.RetryPolicy}).
 * The body is kept as it was made, so every attempt sends the same bytes with the same event id; SENT means the
 * endpoint answered 2xx. The sender takes a request's deliveries to one endpoint in sequence order: the next waits
 * while an earlier one is still waiting (see the webhook queue's claim).
 */
@Entity
@Table(name = "WEBHOOK_DELIVERY")
@NamedQuery(name = "WebhookDelivery.log", query = "select d from WebhookDelivery d order by d.occurredAt desc, d.id desc")
@NamedQuery(name = "WebhookDelivery.count", query = "select count(d) from WebhookDelivery d")
@NamedQuery(name = "WebhookDelivery.ofEndpointWithStatus", query = "select d from WebhookDelivery d where d.endpointId = :endpoint and d.status = :status")
@NamedQuery(name = "WebhookDelivery.deleteOfEndpoint", query = "delete from WebhookDelivery d where d.endpointId = :endpoint")
@NamedQuery(name = "WebhookDelivery.ofEvent", query = "select d from WebhookDelivery d where d.eventId = :event order by d.endpointId")
public class WebhookDelivery extends OutboxItem {
    /** How much of a receiver's answer is kept: enough to read an error, not a page. */
    public static final int EXCERPT = 200;

    @Column(name = "ENDPOINT_ID", nullable = false)
    private long endpointId;

    @Column(name = "EVENT_ID", nullable = false, length = 36)
    private String eventId;

    @Column(name = "EVENT_TYPE", nullable = false, length = 40)
    private String eventType;

    @Column(name = "EVENT_SEQUENCE", nullable = false)
    private long eventSequence;

    @Column(name = "LETTER_REQUEST_ID")
    private Long letterRequestId;

    /** So that erasing the student erases what LorKit still holds about them here. */
    @Column(name = "STUDENT_ID")
    private Long studentId;

    @Column(nullable = false, length = 4000)
    private String body;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    @Column(name = "LAST_STATUS")
    private Integer lastStatus;

    @Column(name = "LAST_RESPONSE", length = EXCERPT)
    private String lastResponse;

    @Column(name = "DELIVERED_AT")
    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    /** The event for this endpoint, due at once. */
    public WebhookDelivery(WebhookEndpoint endpoint, WebhookEvent event, String body, Instant dueAt) {
        super(dueAt);
        this.endpointId = Require.present("endpoint", endpoint.getId());
        this.eventId = event.id().toString();
        this.eventType = event.type().wireName();
        this.eventSequence = event.sequence();
        this.letterRequestId = event.letter() == null ? null : event.letter().id();
        this.studentId = event.letter() == null ? null : event.letter().studentId();
        this.body = Require.present("body", body);
        this.occurredAt = event.occurredAt();
    }

    /** The endpoint answered 2xx: delivered. */
    public void delivered(int status, String response, Instant at) {
        this.lastStatus = status;
        this.lastResponse = excerpt(response);
        this.deliveredAt = at;
        completed();
    }

    /**
     * The endpoint answered otherwise, or not at all ({@code status} null: no connection, a timeout): try again at
     * {@code next}, or give up after {@code maxAttempts}. Returns whether it gave up now.
     */
    public boolean failed(Integer status, String response, String error, Instant next, int maxAttempts) {
        this.lastStatus = status;
        this.lastResponse = excerpt(response);
        return retryLater(error, next, maxAttempts);
    }

    /** The first {@value #EXCERPT} characters of an answer, on one line, without control characters; null for none. */
    public static String excerpt(String response) {
        if (response == null || response.isBlank()) {
            return null;
        }
        String line = response.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.length() <= EXCERPT ? line : line.substring(0, EXCERPT - 1) + "…";
    }

    public boolean isWaiting() {
        return getStatus() == OutboxStatus.PENDING;
    }

    public long getEndpointId() {
        return endpointId;
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public long getEventSequence() {
        return eventSequence;
    }

    public Long getLetterRequestId() {
        return letterRequestId;
    }

    public Long getStudentId() {
        return studentId;
    }

    public String getBody() {
        return body;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public String getLastResponse() {
        return lastResponse;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}
