package org.lorkit.application.webhook;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionScoped;
import org.lorkit.application.TenantData;
import org.lorkit.domain.webhook.WebhookEndpoint;
import org.lorkit.domain.webhook.WebhookEventType;

import java.io.Serializable;
import java.util.List;

/**
 * The agency's enabled endpoints, read once per transaction: a reminder sweep moves hundreds of requests in one, and
 * most agencies have no endpoint at all, which then costs one query per transaction and nothing per event.
 */
@TransactionScoped
public class WebhookSubscribers implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    TenantData tenant;

    private transient List<WebhookEndpoint> enabled;

    /** The enabled endpoints that chose this type of event. */
    public List<WebhookEndpoint> wanting(WebhookEventType type) {
        if (enabled == null) {
            enabled = tenant.em().createNamedQuery("WebhookEndpoint.enabled", WebhookEndpoint.class).getResultList();
        }
        return enabled.stream().filter(endpoint -> endpoint.wants(type)).toList();
    }
}
