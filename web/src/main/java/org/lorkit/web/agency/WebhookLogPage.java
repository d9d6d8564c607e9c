package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.webhook.WebhookDeliveryView;
import org.lorkit.application.webhook.WebhookService;
import org.lorkit.domain.shared.Labels;
import org.lorkit.web.support.Messages;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** The agency admin's webhook delivery log: every event to every endpoint, newest first, a page at a time. */
@Named
@ViewScoped
public class WebhookLogPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private WebhookService webhooks;

    private final Log log = new Log();

    /** The log's rows, a page at a time from the database. */
    public class Log extends LazyDataModel<WebhookDeliveryView> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(Math.min(Integer.MAX_VALUE, webhooks.countDeliveries()));
        }

        @Override
        public List<WebhookDeliveryView> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return webhooks.deliveries(first, Math.min(pageSize, WebhookService.MAX_PAGE));
        }

        @Override
        public String getRowKey(WebhookDeliveryView delivery) {
            return String.valueOf(delivery.id());
        }

        @Override
        public WebhookDeliveryView getRowData(String rowKey) {
            List<WebhookDeliveryView> page = getWrappedData();
            return page == null ? null : page.stream().filter(d -> String.valueOf(d.id()).equals(rowKey)).findFirst().orElse(null);
        }
    }

    public Log getLog() {
        return log;
    }

    /** Where a delivery stands, in the admin's words: waiting (retrying), delivered, given up, not sent. */
    public String state(WebhookDeliveryView delivery) {
        return switch (delivery.status()) {
            case PENDING -> delivery.attempts() == 0 ? Messages.text("webhookLog.state.waiting") : Messages.text("webhookLog.state.retrying");
            case SENT -> Messages.text("webhookLog.state.delivered");
            case FAILED -> Messages.text("webhookLog.state.gaveUp");
            default -> Messages.text("webhookLog.state.cancelled");
        };
    }

    /** "Letter state changed", or the stored name of an event this LorKit no longer knows. */
    public String event(WebhookDeliveryView delivery) {
        return delivery.type() == null ? delivery.typeName() : Labels.of(delivery.type());
    }

    /** The receiver's last answer ("500: Internal error"), or what went wrong without one, or nothing yet. */
    public String lastAnswer(WebhookDeliveryView delivery) {
        if (delivery.lastStatus() != null) {
            return delivery.lastResponse() == null ? String.valueOf(delivery.lastStatus())
                    : Messages.text("webhookLog.answer", String.valueOf(delivery.lastStatus()), delivery.lastResponse());
        }
        return delivery.lastError() == null ? "" : delivery.lastError();
    }
}
