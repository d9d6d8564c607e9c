/**
 * Webhooks: the agency admin's endpoints and delivery log ({@link org.lorkit.application.webhook.WebhookService}), and
 * the events the application services raise in their own transactions ({@link org.lorkit.application.webhook.WebhookEvents}),
 * which become outbox rows the outbox's sender delivers (org.lorkit.application.outbox).
 */
package org.lorkit.application.webhook;
