package org.lorkit.domain.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/**
 * An HTTPS address of the agency's that LorKit sends the chosen events to, signed with the endpoint's secret. LorKit
 * makes the secret and must keep it to sign (HMAC needs the key on both sides); it is shown to the admin once, when it
 * is made, and never again, nor logged: an admin who lost it replaces it.
 */
@Entity
@Table(name = "WEBHOOK_ENDPOINT")
@NamedQuery(name = "WebhookEndpoint.all", query = "select e from WebhookEndpoint e order by e.createdAt, e.id")
@NamedQuery(name = "WebhookEndpoint.enabled", query = "select e from WebhookEndpoint e where e.enabled = true order by e.id")
@NamedQuery(name = "WebhookEndpoint.count", query = "select count(e) from WebhookEndpoint e")
public class WebhookEndpoint extends TenantOwnedEntity {
    /** Each event is delivered to every endpoint that chose it: a few are plenty for any agency. */
    public static final int MAX_PER_AGENCY = 10;

    @Column(nullable = false, length = WebhookUrl.MAX_LENGTH)
    private String url;

    /** Never shown after it was made, never logged (WebhookSignature.hint shows its first characters). */
    @Column(nullable = false, length = 100)
    private String secret;

    /** The chosen events' wire names, comma-separated. */
    @Column(nullable = false, length = 200)
    private String events;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "CREATED_BY", nullable = false, length = 200)
    private String createdBy;

    @Column(name = "SECRET_MADE_AT", nullable = false)
    private Instant secretMadeAt;

    protected WebhookEndpoint() {
    }

    /** A new endpoint, enabled, with a secret of its own; the address was checked by {@link WebhookUrl#check}. */
    public WebhookEndpoint(URI url, Set<WebhookEventType> events, String createdBy, Instant at) {
        this.url = Require.present("url", url).toString();
        this.events = WebhookEventType.store(events);
        this.enabled = true;
        this.createdBy = Require.line("createdBy", createdBy, 200);
        this.createdAt = Require.present("at", at);
        this.secret = WebhookSignature.newSecret();
        this.secretMadeAt = at;
    }

    /** Whether this endpoint gets events of this type now: enabled, and chosen (the test event goes to every one). */
    public boolean wants(WebhookEventType type) {
        return enabled && (type == WebhookEventType.TEST || chosen().contains(type));
    }

    public Set<WebhookEventType> chosen() {
        return WebhookEventType.parse(events);
    }

    public void choose(Set<WebhookEventType> chosen) {
        this.events = WebhookEventType.store(chosen);
    }

    /** A new secret, returned to be shown once: the old one stops verifying with the next delivery. */
    public String replaceSecret(Instant at) {
        this.secret = WebhookSignature.newSecret();
        this.secretMadeAt = at;
        return secret;
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    public String getUrl() {
        return url;
    }

    /** For signing only; pages get {@link WebhookSignature#hint}. */
    public String signingSecret() {
        return secret;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getSecretMadeAt() {
        return secretMadeAt;
    }
}
