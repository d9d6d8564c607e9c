package org.lorkit.application.webhook;

import org.lorkit.domain.outbox.OutboxStatus;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.webhook.WebhookDelivery;
import org.lorkit.domain.webhook.WebhookEventType;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One line of the delivery log: which event went (or goes) to which endpoint, how often it was tried, what the
 * receiver last answered (status, and the start of its body) or what went wrong, and when it is tried next.
 *
 * @param type null for an event type this LorKit no longer knows
 */
public record WebhookDeliveryView(long id, String eventId, WebhookEventType type, String typeName, long sequence, Long letterRequestId,
                                  long endpointId, String endpointUrl, OutboxStatus status, int attempts, Integer lastStatus,
                                  String lastResponse, String lastError, Instant occurredAt, Instant dueAt, Instant deliveredAt,
                                  ZoneId zone) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static WebhookDeliveryView of(WebhookDelivery delivery, String endpointUrl, ZoneId zone) {
        WebhookEventType type = WebhookEventType.parse(delivery.getEventType()).stream().findFirst().orElse(null);
        return new WebhookDeliveryView(delivery.getId(), delivery.getEventId(), type, delivery.getEventType(), delivery.getEventSequence(),
                delivery.getLetterRequestId(), delivery.getEndpointId(), endpointUrl, delivery.getStatus(), delivery.getAttempts(),
                delivery.getLastStatus(), delivery.getLastResponse(), delivery.getLastError(), delivery.getOccurredAt(),
                delivery.getDueAt(), delivery.getDeliveredAt(), zone);
    }

    public boolean waiting() {
        return status == OutboxStatus.PENDING;
    }

    /** When it happened, on the agency's calendar. */
    public String occurred() {
        return Dates.moment(occurredAt, zone);
    }

    /** When it is tried next, while it waits; "" once it is delivered, given up or cancelled. */
    public String nextAttempt() {
        return waiting() ? Dates.moment(dueAt, zone) : "";
    }

    public String delivered() {
        return Dates.moment(deliveredAt, zone);
    }
}
