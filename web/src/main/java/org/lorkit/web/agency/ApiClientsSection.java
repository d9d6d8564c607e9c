package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.apiclient.ApiClientService;
import org.lorkit.application.apiclient.ApiClientView;
import org.lorkit.application.apiclient.NewApiClient;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.util.List;

/**
 * The settings page's API clients: the admin names a new one and sees its secret once (LorKit keeps none), lists who made
 * and revoked each, and revokes one.
 */
@Named
@ViewScoped
public class ApiClientsSection implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "api-clients-form";

    @Inject
    private ApiClientService clients;

    private String name;
    private List<ApiClientView> list = List.of();
    /** The client just made, with its secret: shown on this response only, then forgotten. */
    private transient NewApiClient created;

    public void load() {
        list = clients.list();
    }

    public void create() {
        Messages.attempt(FORM, () -> {
            created = clients.create(name);
            name = null;
            list = clients.list();
        });
    }

    public void revoke(ApiClientView client) {
        Messages.attempt(FORM, () -> {
            clients.revoke(client.id());
            created = null;
            list = clients.list();
            Messages.info(Messages.text("apiClients.revoked", client.name()));
        });
    }

    public NewApiClient getCreated() {
        return created;
    }

    public List<ApiClientView> getList() {
        return list;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
