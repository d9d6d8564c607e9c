package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.webhook.NewSecret;
import org.lorkit.application.webhook.WebhookEndpointView;
import org.lorkit.application.webhook.WebhookService;
import org.lorkit.domain.shared.Labels;
import org.lorkit.domain.webhook.WebhookEventType;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The agency admin's webhook endpoints: add one (its secret shown once, here, right after), change its events, send it
 * a test event, disable, enable or delete it, replace its secret. The delivery log has its own page.
 */
@Named
@ViewScoped
public class WebhooksPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private WebhookService webhooks;

    private List<WebhookEndpointView> endpoints = List.of();
    private String url;
    private List<String> events = allEvents();
    /**
     * The events each endpoint's own form shows, by endpoint id. The checkboxes write an array or a list into a map
     * entry (the map's value type is unknown to them): {@link #types} reads either.
     */
    private final Map<Long, Object> chosen = new HashMap<>();
    /** The secret just made (an endpoint added, a secret replaced): shown this once, gone when the page is left. */
    private NewSecret newSecret;

    public void load() {
        endpoints = webhooks.endpoints();
        chosen.clear();
        for (WebhookEndpointView endpoint : endpoints) {
            chosen.put(endpoint.id(), endpoint.events().stream().map(Enum::name).collect(Collectors.toCollection(ArrayList::new)));
        }
    }

    public void add() {
        Messages.attempt("add-endpoint", () -> {
            newSecret = webhooks.register(url, types(events));
            url = null;
            events = allEvents();
            load();
        });
    }

    public void saveEvents(WebhookEndpointView endpoint) {
        Messages.attempt("endpoints", () -> {
            webhooks.choose(endpoint.id(), types(chosen.get(endpoint.id())));
            Messages.info(Messages.text("webhooks.events.saved", endpoint.url()));
            load();
        });
    }

    public void sendTest(WebhookEndpointView endpoint) {
        Messages.attempt("endpoints", () -> {
            webhooks.sendTest(endpoint.id());
            Messages.info(Messages.text("webhooks.test.sent", endpoint.url()));
        });
    }

    public void disable(WebhookEndpointView endpoint) {
        Messages.attempt("endpoints", () -> {
            webhooks.disable(endpoint.id());
            Messages.info(Messages.text("webhooks.disabled", endpoint.url()));
            load();
        });
    }

    public void enable(WebhookEndpointView endpoint) {
        Messages.attempt("endpoints", () -> {
            webhooks.enable(endpoint.id());
            Messages.info(Messages.text("webhooks.enabled", endpoint.url()));
            load();
        });
    }

    public void replaceSecret(WebhookEndpointView endpoint) {
        Messages.attempt("endpoints", () -> {
            newSecret = webhooks.replaceSecret(endpoint.id());
            load();
        });
    }

    public void delete(WebhookEndpointView endpoint) {
        Messages.attempt("endpoints", () -> {
            String deleted = webhooks.delete(endpoint.id());
            if (newSecret != null && newSecret.endpoint().id() == endpoint.id()) {
                newSecret = null;
            }
            Messages.info(Messages.text("webhooks.deleted", deleted));
            load();
        });
    }

    /** The secret has been copied: it leaves the page (and the view's state). */
    public void secretCopied() {
        newSecret = null;
    }

    /** The events an admin may choose, as the checkboxes' values and labels. */
    public List<WebhookEventType> getChoosable() {
        return WebhookEventType.choosable();
    }

    /** "Letter state changed, Kit sent": an endpoint's events in words. */
    public String eventsInWords(WebhookEndpointView endpoint) {
        return endpoint.events().stream().map(Labels::of).collect(Collectors.joining(", "));
    }

    public String deleteQuestion(WebhookEndpointView endpoint) {
        return Messages.text("webhooks.delete.message", endpoint.url());
    }

    public String replaceQuestion(WebhookEndpointView endpoint) {
        return Messages.text("webhooks.replace.message", endpoint.url());
    }

    public String disableQuestion(WebhookEndpointView endpoint) {
        return Messages.text("webhooks.disable.message", endpoint.url());
    }

    private static List<String> allEvents() {
        return WebhookEventType.choosable().stream().map(Enum::name).collect(Collectors.toCollection(ArrayList::new));
    }

    /** The checked boxes as event types; values that are no event (a forged form) are ignored. */
    private static Set<WebhookEventType> types(Object checked) {
        Iterable<?> names = checked instanceof Object[] array ? java.util.Arrays.asList(array)
                : checked instanceof Iterable<?> iterable ? iterable : List.of();
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (Object name : names) {
            WebhookEventType.choosable().stream().filter(type -> type.name().equals(String.valueOf(name))).findFirst().ifPresent(types::add);
        }
        return types;
    }

    public List<WebhookEndpointView> getEndpoints() {
        return endpoints;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events;
    }

    public Map<Long, Object> getChosen() {
        return chosen;
    }

    public NewSecret getNewSecret() {
        return newSecret;
    }
}
