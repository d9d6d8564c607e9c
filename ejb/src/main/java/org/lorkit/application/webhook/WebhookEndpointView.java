package org.lorkit.application.webhook;

import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.webhook.WebhookEndpoint;
import org.lorkit.domain.webhook.WebhookEventType;
import org.lorkit.domain.webhook.WebhookSignature;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * An endpoint as its page shows it: never its secret, only the secret's first characters, so that an admin can tell
 * which one a receiver holds.
 */
public record WebhookEndpointView(long id, String url, List<WebhookEventType> events, boolean enabled, Instant createdAt,
                                  String createdBy, String secretHint, Instant secretMadeAt, ZoneId zone) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static WebhookEndpointView of(WebhookEndpoint endpoint, ZoneId zone) {
        return new WebhookEndpointView(endpoint.getId(), endpoint.getUrl(), List.copyOf(endpoint.chosen()), endpoint.isEnabled(),
                endpoint.getCreatedAt(), endpoint.getCreatedBy(), WebhookSignature.hint(endpoint.signingSecret()),
                endpoint.getSecretMadeAt(), zone);
    }

    /** When it was added, on the agency's calendar. */
    public String added() {
        return Dates.moment(createdAt, zone);
    }

    /** When its secret was made, on the agency's calendar. */
    public String secretMade() {
        return Dates.moment(secretMadeAt, zone);
    }
}
