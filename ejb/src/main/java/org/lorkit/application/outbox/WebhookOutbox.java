package org.lorkit.application.outbox;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.lorkit.application.TenantData;
import org.lorkit.domain.outbox.RetryPolicy;
import org.lorkit.domain.webhook.WebhookDelivery;
import org.lorkit.domain.webhook.WebhookEndpoint;
import org.lorkit.domain.webhook.WebhookSignature;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The webhook queue's transactions, each short and on its own, in the agency in context (the sender entered it):
 * what to send for a claimed delivery, and what came of it. The claim, the lease and the retry schedule are the
 * outbox's own ({@link OutboxDelivery}, {@link RetryPolicy}); HTTP runs outside these transactions.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookOutbox {
    private static final Logger LOG = Logger.getLogger(WebhookOutbox.class.getName());

    @Inject
    TenantData tenant;
    @Inject
    Clock clock;

    /** What one attempt sends: the endpoint's address and the stored body, signed with the endpoint's secret. */
    public record Prepared(long id, URI url, String body, String eventId, String eventType, String secret) {
        /** The headers of an attempt made at {@code at}: the signature is made for that moment. */
        public Map<String, String> headers(Instant at) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put(WebhookSignature.EVENT_ID_HEADER, eventId);
            headers.put(WebhookSignature.EVENT_TYPE_HEADER, eventType);
            headers.put(WebhookSignature.HEADER, WebhookSignature.header(secret, at, body));
            return headers;
        }

        /** Never the secret: this may end up in a log. */
        @Override
        public String toString() {
            // The host only: a receiver's path or query can be a credential (chat webhooks carry their token there).
            return "webhook delivery " + id + " (" + eventType + " " + eventId + ") to " + url.getHost();
        }
    }

    /**
     * What to send for this delivery now; empty when there is nothing to send: handled meanwhile, or its endpoint was
     * disabled since the event was recorded (then it is cancelled, and says why).
     */
    public Optional<Prepared> prepare(long id) {
        WebhookDelivery delivery = tenant.require(WebhookDelivery.class, id, "webhookDeliveryId");
        if (!delivery.isWaiting()) {
            return Optional.empty();
        }
        WebhookEndpoint endpoint = tenant.require(WebhookEndpoint.class, delivery.getEndpointId(), "endpointId");
        if (!endpoint.isEnabled()) {
            delivery.cancel("the endpoint was disabled before this event went");
            return Optional.empty();
        }
        return Optional.of(new Prepared(id, URI.create(endpoint.getUrl()), delivery.getBody(), delivery.getEventId(),
                delivery.getEventType(), endpoint.signingSecret()));
    }

    /** The endpoint answered 2xx. */
    public void delivered(long id, int status, String response) {
        tenant.require(WebhookDelivery.class, id, "webhookDeliveryId").delivered(status, response, clock.instant());
    }

    /**
     * The endpoint answered otherwise ({@code status}), or not at all (null: no connection, no answer in time): tried
     * again as {@link RetryPolicy} schedules it, and given up after its last attempt, which lets the request's next
     * events to this endpoint go.
     */
    public void failed(long id, Integer status, String response, String error) {
        WebhookDelivery delivery = tenant.require(WebhookDelivery.class, id, "webhookDeliveryId");
        Instant next = RetryPolicy.nextAttempt(delivery.getAttempts(), clock.instant(), ThreadLocalRandom.current());
        if (delivery.failed(status, response, error, next, RetryPolicy.MAX_ATTEMPTS)) {
            LOG.log(Level.WARNING, "Webhook delivery {0} ({1} {2}) given up after {3} attempts: {4}", new Object[]{id,
                    delivery.getEventType(), delivery.getEventId(), delivery.getAttempts(), error});
        }
    }
}
