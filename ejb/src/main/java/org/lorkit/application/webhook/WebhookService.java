package org.lorkit.application.webhook;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.lorkit.application.Actor;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.domain.outbox.OutboxStatus;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.webhook.WebhookDelivery;
import org.lorkit.domain.webhook.WebhookEndpoint;
import org.lorkit.domain.webhook.WebhookEventType;
import org.lorkit.domain.webhook.WebhookUrl;
import org.lorkit.settings.Settings;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The agency admin's webhooks: register an endpoint (LorKit makes its secret, shown once), choose its events, disable,
 * enable or delete it, replace its secret, send it a test event, and read the delivery log. Deliveries themselves are
 * raised by {@link WebhookEvents} and sent by the outbox.
 */
@Stateless
@RolesAllowed(Roles.AGENCY_ADMIN)
public class WebhookService {
    private static final Logger LOG = Logger.getLogger(WebhookService.class.getName());
    /** The most log lines one page asks for. */
    public static final int MAX_PAGE = 100;

    @Inject
    TenantData tenant;
    @Inject
    WebhookEvents events;
    @Inject
    Clock clock;
    @Resource
    SessionContext session;

    public List<WebhookEndpointView> endpoints() {
        ZoneId zone = tenant.zone();
        return tenant.em().createNamedQuery("WebhookEndpoint.all", WebhookEndpoint.class).getResultList().stream()
                .map(endpoint -> WebhookEndpointView.of(endpoint, zone)).toList();
    }

    /** A new endpoint for these events, with its secret, which the caller shows this once. */
    public NewSecret register(String url, Set<WebhookEventType> chosen) {
        EntityManager em = tenant.em();
        URI checked = WebhookUrl.check(url, Settings.flag(Settings.WEBHOOKS_ALLOW_LOCALHOST));
        if (em.createNamedQuery("WebhookEndpoint.count", Long.class).getSingleResult() >= WebhookEndpoint.MAX_PER_AGENCY) {
            throw new DomainException("url", "Your agency has " + WebhookEndpoint.MAX_PER_AGENCY
                    + " endpoints, the most LorKit sends to: delete one you no longer use first");
        }
        boolean taken = em.createNamedQuery("WebhookEndpoint.all", WebhookEndpoint.class).getResultList().stream()
                .anyMatch(endpoint -> endpoint.getUrl().equals(checked.toString()));
        if (taken) {
            throw new DomainException("url", "Your agency already sends events to " + checked + ": change the events that one gets");
        }
        WebhookEndpoint endpoint = new WebhookEndpoint(checked, chosen == null ? Set.of() : EnumSet.copyOf(nonEmpty(chosen)),
                Actor.of(session), clock.instant());
        em.persist(endpoint);
        em.flush();
        LOG.log(Level.INFO, "Agency {0}: webhook endpoint {1} added for {2}", new Object[]{tenant.agencyId(), logged(endpoint), endpoint.chosen()});
        return new NewSecret(WebhookEndpointView.of(endpoint, tenant.zone()), endpoint.signingSecret());
    }

    public WebhookEndpointView choose(long endpointId, Set<WebhookEventType> chosen) {
        WebhookEndpoint endpoint = tenant.require(WebhookEndpoint.class, endpointId, "endpointId");
        endpoint.choose(chosen == null ? Set.of() : EnumSet.copyOf(nonEmpty(chosen)));
        return WebhookEndpointView.of(endpoint, tenant.zone());
    }

    /** No new events for it, and what still waits for it is cancelled (its log says so). */
    public WebhookEndpointView disable(long endpointId) {
        WebhookEndpoint endpoint = tenant.require(WebhookEndpoint.class, endpointId, "endpointId");
        endpoint.disable();
        for (WebhookDelivery waiting : tenant.em().createNamedQuery("WebhookDelivery.ofEndpointWithStatus", WebhookDelivery.class)
                .setParameter("endpoint", endpointId).setParameter("status", OutboxStatus.PENDING).getResultList()) {
            waiting.cancel("the endpoint was disabled before this event went");
        }
        LOG.log(Level.INFO, "Agency {0}: webhook endpoint {1} disabled", new Object[]{tenant.agencyId(), logged(endpoint)});
        return WebhookEndpointView.of(endpoint, tenant.zone());
    }

    /** Events from now on; those recorded while it was disabled are not sent. */
    public WebhookEndpointView enable(long endpointId) {
        WebhookEndpoint endpoint = tenant.require(WebhookEndpoint.class, endpointId, "endpointId");
        endpoint.enable();
        return WebhookEndpointView.of(endpoint, tenant.zone());
    }

    /** The endpoint and its delivery log are gone; what still waited for it is not sent. Returns its address. */
    public String delete(long endpointId) {
        EntityManager em = tenant.em();
        WebhookEndpoint endpoint = tenant.require(WebhookEndpoint.class, endpointId, "endpointId");
        em.createNamedQuery("WebhookDelivery.deleteOfEndpoint").setParameter("endpoint", endpointId).executeUpdate();
        em.remove(endpoint);
        em.flush();
        LOG.log(Level.INFO, "Agency {0}: webhook endpoint {1} deleted", new Object[]{tenant.agencyId(), logged(endpoint)});
        return endpoint.getUrl();
    }

    /** A new secret, shown this once; the old one no longer verifies from the next delivery on. */
    public NewSecret replaceSecret(long endpointId) {
        WebhookEndpoint endpoint = tenant.require(WebhookEndpoint.class, endpointId, "endpointId");
        String secret = endpoint.replaceSecret(clock.instant());
        LOG.log(Level.INFO, "Agency {0}: the secret of webhook endpoint {1} was replaced", new Object[]{tenant.agencyId(), logged(endpoint)});
        return new NewSecret(WebhookEndpointView.of(endpoint, tenant.zone()), secret);
    }

    /** A test event for this endpoint, sent by the outbox within seconds; the log shows what came of it. */
    public WebhookDeliveryView sendTest(long endpointId) {
        WebhookEndpoint endpoint = tenant.require(WebhookEndpoint.class, endpointId, "endpointId");
        if (!endpoint.isEnabled()) {
            throw new DomainException("endpointId", "Enable " + endpoint.getUrl() + " first: LorKit sends nothing to a disabled endpoint");
        }
        WebhookDelivery test = events.test(endpoint);
        tenant.em().flush();
        return WebhookDeliveryView.of(test, endpoint.getUrl(), tenant.zone());
    }

    /** The delivery log, newest event first, a page at a time. */
    public List<WebhookDeliveryView> deliveries(@Min(value = 0, message = "first must not be negative") int first,
                                                @Min(value = 1, message = "Ask for at least one line")
                                                @Max(value = MAX_PAGE, message = "Ask for at most " + MAX_PAGE + " lines") int max) {
        EntityManager em = tenant.em();
        ZoneId zone = tenant.zone();
        Map<Long, String> urls = em.createNamedQuery("WebhookEndpoint.all", WebhookEndpoint.class).getResultList().stream()
                .collect(Collectors.toMap(WebhookEndpoint::getId, WebhookEndpoint::getUrl));
        return em.createNamedQuery("WebhookDelivery.log", WebhookDelivery.class).setFirstResult(first).setMaxResults(max)
                .getResultList().stream().map(delivery -> WebhookDeliveryView.of(delivery, urls.get(delivery.getEndpointId()), zone)).toList();
    }

    public long countDeliveries() {
        return tenant.em().createNamedQuery("WebhookDelivery.count", Long.class).getSingleResult();
    }

    private static Set<WebhookEventType> nonEmpty(Set<WebhookEventType> chosen) {
        if (chosen.isEmpty()) {
            throw new DomainException("events", "Choose at least one event to send");
        }
        return chosen;
    }

    /** An endpoint as the log names it: its id and host, never its path or query, which can be a credential. */
    private static String logged(WebhookEndpoint endpoint) {
        return String.valueOf(endpoint.getId()) + " (" + URI.create(endpoint.getUrl()).getHost() + ")";
    }
}
