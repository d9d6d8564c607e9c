package org.lorkit.application.outbox;

/**
 * The outbox's tables: each holds rows the sender claims the same way ({@code status}, {@code due_at},
 * {@code claimed_until}, {@code claimed_by}, {@code agency_id}: {@link org.lorkit.domain.outbox.OutboxItem}), and
 * may add a condition of its own to what is due.
 */
public enum OutboxQueue {
    /** Emails (OutboxEmail): any due row. */
    MAIL("outbox_email", ""),
    /**
     * Webhook deliveries (WebhookDelivery): a request's events reach one endpoint in order, so a row is due only once
     * no earlier event of its request still waits for the same endpoint (it was delivered, or given up). An event
     * about no request (the test event) waits for nothing.
     */
    WEBHOOKS("webhook_delivery", " AND NOT EXISTS (SELECT 1 FROM webhook_delivery earlier WHERE earlier.endpoint_id = o.endpoint_id "
            + "AND earlier.letter_request_id = o.letter_request_id AND earlier.event_sequence < o.event_sequence AND earlier.status = 'PENDING')");

    private final String table;
    private final String alsoDue;

    OutboxQueue(String table, String alsoDue) {
        this.table = table;
        this.alsoDue = alsoDue;
    }

    /** The table, a constant of this enum (never input), so that the claim's SQL can name it. */
    String table() {
        return table;
    }

    /** What else makes a row of this table due, on the table aliased {@code o}. */
    String alsoDue() {
        return alsoDue;
    }
}
