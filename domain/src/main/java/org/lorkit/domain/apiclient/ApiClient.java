package org.lorkit.domain.apiclient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.Instant;

/**
 * One of the agency's systems that calls LorKit's API with its own Keycloak client (a service account): its name as the
 * admin gave it, the Keycloak client id, who created it and when, and, once revoked, who revoked it and when. The secret
 * is never here: Keycloak holds it and the admin sees it once. A revoked client stays listed, as the record of who did it.
 */
@Entity
@Table(name = "API_CLIENT")
@NamedQuery(name = "ApiClient.all", query = "select c from ApiClient c order by c.createdAt desc, c.id desc")
@NamedQuery(name = "ApiClient.countActive", query = "select count(c) from ApiClient c where c.revokedAt is null")
public class ApiClient extends TenantOwnedEntity {
    /** A client's name: what the admin will recognise it by ("Our CRM"). */
    public static final int NAME_MAX = 100;
    /** More active clients than this is a sign of clients left behind: revoke one first. */
    public static final int MAX_ACTIVE = 20;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "CLIENT_ID", nullable = false, length = 100, unique = true)
    private String clientId;

    @Column(name = "CREATED_BY", nullable = false, length = 200)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "REVOKED_BY", length = 200)
    private String revokedBy;

    @Column(name = "REVOKED_AT")
    private Instant revokedAt;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    protected ApiClient() {
    }

    public ApiClient(String name, String clientId, String createdBy, Instant createdAt) {
        this.name = Require.line("name", name, NAME_MAX);
        this.clientId = Require.text("clientId", clientId, 100);
        this.createdBy = Require.text("createdBy", createdBy, 200);
        this.createdAt = Require.present("createdAt", createdAt);
    }

    /**
     * The Keycloak client id for a new client of the agency: the agency's slug (to recognise it in Keycloak's console) and
     * twelve random hex digits, so two clients, or a client made again after a revocation, never share an id.
     */
    public static String newClientId(String agencySlug) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return "lorkit-api-" + Require.text("agencySlug", agencySlug, 60) + "-" + java.util.HexFormat.of().formatHex(bytes);
    }

    /** Records the revocation; a client is revoked once. */
    public void revoke(String by, Instant at) {
        if (revokedAt != null) {
            throw new DomainException("id", "The API client \"" + name + "\" is already revoked");
        }
        this.revokedBy = Require.text("revokedBy", by, 200);
        this.revokedAt = Require.present("revokedAt", at);
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public String getName() {
        return name;
    }

    public String getClientId() {
        return clientId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
