package org.lorkit.application.webhook;

import java.io.Serializable;

/**
 * An endpoint with the secret just made for it, which its page shows this once: LorKit keeps it to sign, but shows
 * it to nobody again.
 */
public record NewSecret(WebhookEndpointView endpoint, String secret) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Never the secret itself: this may end up in a log. */
    @Override
    public String toString() {
        return "a new secret for " + endpoint.url();
    }
}
