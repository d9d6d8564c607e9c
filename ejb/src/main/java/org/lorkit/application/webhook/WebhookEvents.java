package org.lorkit.application.webhook;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.application.TenantData;
import org.lorkit.domain.advice.LetterNotComing;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.LetterRequestEvent;
import org.lorkit.domain.outbox.OutboxEmail;
import org.lorkit.domain.webhook.WebhookDelivery;
import org.lorkit.domain.webhook.WebhookEndpoint;
import org.lorkit.domain.webhook.WebhookEvent;
import org.lorkit.domain.webhook.WebhookEventType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Turns what happens to a letter request into webhook deliveries, in the transaction of the change itself (the
 * outbox's rule: nothing delivered that did not happen, nothing that happened lost): one row per endpoint that chose
 * the event, all with the same event id and body. A request's events are numbered under its row lock, so two changes
 * to one request are numbered in the order they commit, and the sender delivers them in that order.
 * Called by {@link org.lorkit.application.letter.LetterHistory} (every state change), the outbox (an email
 * accepted by the mail server) and DeliveryProblems (a bounce), in the agency in context.
 */
@Dependent
public class WebhookEvents {
    @Inject
    TenantData tenant;
    @Inject
    WebhookSubscribers subscribers;
    @Inject
    Clock clock;

    /** Reads the agency's endpoints now (once per transaction) rather than at the first event. */
    public void prepare() {
        subscribers.wanting(WebhookEventType.LETTER_STATE_CHANGED);
    }

    /** A request moved: letter.state_changed, and letter.not_coming when it fell through (LetterNotComing). */
    public void letterMoved(LetterRequestEvent moved) {
        LetterRequest request = moved.getRequest();
        WebhookEvent.Letter letter = new WebhookEvent.Letter(request.getId(), request.getStudent().getId(), request.getAttending().getId(),
                request.getRotation() == null ? null : request.getRotation().getId(), moved.getToState(), moved.getFromState());
        raise(WebhookEventType.LETTER_STATE_CHANGED, letter, null, moved.getOccurredAt());
        if (LetterNotComing.applies(moved.getToState())) {
            raise(WebhookEventType.LETTER_NOT_COMING, letter, null, moved.getOccurredAt());
        }
    }

    /** The mail server accepted an email: kit.sent for the kit, reminder.sent for a reminder; nothing for the rest. */
    public void mailSent(OutboxEmail email, Instant at) {
        WebhookEventType type = switch (email.mailKind()) {
            case KIT -> WebhookEventType.KIT_SENT;
            case REMINDER_1, REMINDER_2 -> WebhookEventType.REMINDER_SENT;
            default -> null;
        };
        if (type == null || email.getLetterRequestId() == null) {
            return;
        }
        LetterRequest request = tenant.em().find(LetterRequest.class, email.getLetterRequestId());
        if (request != null) {
            raise(type, WebhookEvent.Letter.of(request, null), new WebhookEvent.Mail(email.mailKind()), at);
        }
    }

    /** An email about the request bounced (the writer's address, refused for good). */
    public void mailBounced(OutboxEmail email, LetterRequest request, Instant at) {
        raise(WebhookEventType.MAIL_BOUNCED, WebhookEvent.Letter.of(request, null), new WebhookEvent.Mail(email.mailKind()), at);
    }

    /** The test event, for one endpoint only (enabled or not: the admin asked for it). */
    public WebhookDelivery test(WebhookEndpoint endpoint) {
        Instant now = clock.instant();
        WebhookEvent event = WebhookEvent.test(tenant.agency().getSlug(), now);
        WebhookDelivery delivery = new WebhookDelivery(endpoint, event, event.body(), now);
        tenant.em().persist(delivery);
        return delivery;
    }

    private void raise(WebhookEventType type, WebhookEvent.Letter letter, WebhookEvent.Mail mail, Instant at) {
        List<WebhookEndpoint> endpoints = subscribers.wanting(type);
        if (endpoints.isEmpty()) {
            return;
        }
        WebhookEvent event = new WebhookEvent(UUID.randomUUID(), type, at, tenant.agency().getSlug(), nextSequence(letter.id()), letter, mail);
        String body = event.body();
        Instant due = clock.instant();
        EntityManager em = tenant.em();
        for (WebhookEndpoint endpoint : endpoints) {
            em.persist(new WebhookDelivery(endpoint, event, body, due));
        }
    }

    /**
     * The request's next event number. The update takes the request's row lock (if this transaction does not hold it
     * already), so a concurrent change to the same request waits for this one to commit before it counts. Native SQL
     * names the agency itself; the column is not mapped, so the request's own version is not touched.
     */
    private long nextSequence(long requestId) {
        EntityManager em = tenant.em();
        em.flush(); // a request planned in this transaction is in the table before it is counted
        int updated = em.createNativeQuery("UPDATE letter_request SET event_sequence = event_sequence + 1 WHERE id = ? AND agency_id = ?")
                .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                .setParameter(1, requestId).setParameter(2, tenant.agencyId()).executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("No letter request " + requestId + " in agency " + tenant.agencyId() + " to number an event of");
        }
        Object sequence = em.createNativeQuery("SELECT event_sequence FROM letter_request WHERE id = ? AND agency_id = ?")
                .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                .setParameter(1, requestId).setParameter(2, tenant.agencyId()).getSingleResult();
        return ((Number) sequence).longValue();
    }
}
