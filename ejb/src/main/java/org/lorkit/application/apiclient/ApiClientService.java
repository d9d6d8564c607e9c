package org.lorkit.application.apiclient;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.validation.constraints.NotBlank;
import org.lorkit.application.Actor;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.domain.agency.Agency;
import org.lorkit.domain.apiclient.ApiClient;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;
import org.lorkit.infrastructure.keycloak.KeycloakSettings;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The admin's own agency's API clients. A client acts as the agency's staff ({@link Roles#AGENCY_STAFF}) and its tokens
 * name the agency as a member's do, so the API finds the agency the one way every request does (the token's
 * organization). Revoking deletes the Keycloak client: no new token from then on; a token already issued is still
 * valid until it expires, {@value KeycloakDirectory#API_TOKEN_LIFESPAN_SECONDS} seconds at most.
 */
@Stateless
@RolesAllowed(Roles.AGENCY_ADMIN)
public class ApiClientService {
    private static final Logger LOG = Logger.getLogger(ApiClientService.class.getName());

    @Inject
    TenantData tenant;
    @Inject
    KeycloakDirectory keycloak;
    @Inject
    Clock clock;
    @Resource
    SessionContext context;
    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Every client the agency made, newest first, revoked ones with who revoked them. */
    public List<ApiClientView> list() {
        return tenant.em().createNamedQuery("ApiClient.all", ApiClient.class).getResultList().stream()
                .map(c -> ApiClientView.of(c, tenant.zone())).toList();
    }

    /** Makes the client in Keycloak and records it; the secret comes back this once. */
    public NewApiClient create(@NotBlank(message = "Give the client a name, such as the system that will use it") String name) {
        Agency agency = tenant.agency();
        long active = tenant.em().createNamedQuery("ApiClient.countActive", Long.class).getSingleResult();
        if (active >= ApiClient.MAX_ACTIVE) {
            throw new DomainException("name", "Your agency already has " + active + " API clients; revoke one it no longer uses first");
        }
        ApiClient client = new ApiClient(name, ApiClient.newClientId(agency.getSlug()), Actor.of(context), clock.instant());
        String secret = keycloak.createApiClient(agency.getSlug(), client.getClientId(), client.getName(), Roles.AGENCY_STAFF);
        undoIfRolledBack(client.getClientId());
        tenant.em().persist(client);
        tenant.em().flush();
        LOG.log(Level.INFO, "Agency {0}: {1} created the API client {2}", new Object[]{agency.getId(), client.getCreatedBy(), client.getClientId()});
        KeycloakSettings settings = KeycloakSettings.fromEnvironment();
        return new NewApiClient(ApiClientView.of(client, tenant.zone()), secret,
                settings.serverUrl() + "/realms/" + settings.realm() + "/protocol/openid-connect/token");
    }

    /** Revokes the client: the record first, then Keycloak, so a Keycloak that refuses leaves the client as it was. */
    public ApiClientView revoke(long id) {
        ApiClient client = tenant.require(ApiClient.class, id, "id");
        client.revoke(Actor.of(context), clock.instant());
        tenant.em().flush();
        keycloak.deleteApiClient(client.getClientId());
        LOG.log(Level.INFO, "Agency {0}: {1} revoked the API client {2}", new Object[]{tenant.agencyId(), client.getRevokedBy(), client.getClientId()});
        return ApiClientView.of(client, tenant.zone());
    }

    /** Removes the Keycloak client again when the record of it is not committed. */
    private void undoIfRolledBack(String clientId) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    try {
                        keycloak.deleteApiClient(clientId);
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "Could not remove the Keycloak client " + clientId + " after a rollback", e);
                    }
                }
            }
        });
    }
}
