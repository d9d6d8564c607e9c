package org.lorkit.infrastructure.keycloak;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.OrganizationMembersResource;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.lorkit.domain.shared.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * LorKit's view of Keycloak: organizations (agencies) and the people in them. Every failure comes back
 * as a DomainException with words a person can act on; the Keycloak client never leaks out of here.
 */
@ApplicationScoped
public class KeycloakDirectory {
    private static final Logger LOG = Logger.getLogger(KeycloakDirectory.class.getName());
    /** How long the "set your password" link in the invitation stays valid. */
    private static final int INVITATION_LIFESPAN_SECONDS = 3 * 24 * 3600;
    private static final int MAX_ORGANIZATIONS = 10_000;
    /** How many holders of a role are read at once. */
    static final int ROLE_PAGE = 200;

    private final KeycloakSettings settings = KeycloakSettings.fromEnvironment();
    private volatile Keycloak client;

    /** A person in an organization, as staff pages list them. */
    public record Member(String id, String email, String firstName, String lastName, boolean enabled) implements java.io.Serializable {
    }

    private RealmResource realm() {
        Keycloak current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = KeycloakBuilder.builder().serverUrl(settings.serverUrl()).realm(settings.realm())
                            .grantType("client_credentials").clientId(settings.adminClientId())
                            .clientSecret(settings.adminClientSecret()).build();
                }
                current = client;
            }
        }
        return current.realm(settings.realm());
    }

    /** Organization ids by alias: an alias never changes, and the Admin API searches by name, not alias. */
    private final Map<String, String> organizationIds = new ConcurrentHashMap<>();

    public Optional<String> organizationId(String alias) {
        String known = organizationIds.get(alias);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> found = call("find the organization " + alias, () -> realm().organizations().list(0, MAX_ORGANIZATIONS).stream()
                .filter(o -> alias.equals(o.getAlias())).map(OrganizationRepresentation::getId).findFirst());
        found.ifPresent(id -> organizationIds.put(alias, id));
        return found;
    }

    /** Creates the organization for a new agency; its alias is the agency's slug. Returns its id. */
    public String createOrganization(String alias, String name, String domain) {
        if (organizationId(alias).isPresent()) {
            throw new DomainException("slug", "Keycloak already has an organization \"" + alias + "\"");
        }
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setAlias(alias);
        organization.setName(name);
        organization.setEnabled(true);
        OrganizationDomainRepresentation orgDomain = new OrganizationDomainRepresentation();
        orgDomain.setName(domain);
        organization.addDomain(orgDomain);
        return call("create the organization " + alias, () -> {
            try (Response response = realm().organizations().create(organization)) {
                if (response.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    throw new DomainException("name", "Keycloak already has an organization named \"" + name
                            + "\" (names are unique there): choose another name");
                }
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
    }

    public void deleteOrganization(String organizationId) {
        organizationIds.values().remove(organizationId);
        call("delete the organization " + organizationId, () -> {
            try (Response ignored = realm().organizations().get(organizationId).delete()) {
                return null;
            }
        });
    }

    /**
     * Creates the person in Keycloak with the role, adds them to the organization, and has Keycloak
     * email them a link to set their password. Returns the new user's id.
     */
    public String invite(String organizationId, String email, String firstName, String lastName, String role) {
        if (!realm().users().searchByEmail(email, true).isEmpty()) {
            throw new DomainException("email", "Someone with the email " + email + " already has a login");
        }
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEnabled(true);
        user.setEmailVerified(true);
        String userId = call("create the login " + email, () -> {
            try (Response response = realm().users().create(user)) {
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
        try {
            call("give " + email + " the role " + role, () -> {
                RoleRepresentation realmRole = realm().roles().get(role).toRepresentation();
                realm().users().get(userId).roles().realmLevel().add(List.of(realmRole));
                return null;
            });
            call("add " + email + " to the organization", () -> {
                try (Response ignored = organization(organizationId).members().addMember(userId)) {
                    return null;
                }
            });
            call("email " + email + " the invitation", () -> {
                realm().users().get(userId).executeActionsEmail(settings.portalClientId(), settings.portalBaseUrl() + "/",
                        INVITATION_LIFESPAN_SECONDS, List.of("UPDATE_PASSWORD"));
                return null;
            });
        } catch (RuntimeException e) {
            deleteUser(userId);
            throw e;
        }
        return userId;
    }

    /** The login of the organization's member with this email, if they have one (someone else's is "none"). */
    public Optional<String> memberByEmail(String organizationId, String email) {
        return call("find the login " + email, () -> organization(organizationId).members().search(email, true, 0, 2).stream()
                .filter(m -> email.equalsIgnoreCase(m.getEmail()))
                .map(m -> m.getId())
                .findFirst());
    }

    /**
     * Deletes the login only if it is a member of the organization and, of the roles that count, has exactly this one
     * (a student's login that is only that): a login that also, or instead, has another of them is kept, and so is
     * another organization's or one that no longer exists. Returns whether it was deleted.
     */
    public boolean deleteIfOnlyRole(String organizationId, String userId, String role, java.util.Set<String> rolesThatCount) {
        return call("remove the login " + userId, () -> {
            java.util.Set<String> roles;
            try {
                organization(organizationId).members().member(userId).toRepresentation();
                roles = realm().users().get(userId).roles().realmLevel().listEffective().stream()
                        .map(RoleRepresentation::getName).filter(rolesThatCount::contains)
                        .collect(java.util.stream.Collectors.toSet());
            } catch (NotFoundException notOurs) {
                return false;
            }
            if (!roles.equals(java.util.Set.of(role))) {
                LOG.log(Level.WARNING, "Kept the login {0}: its roles {1} are not only {2}", new Object[]{userId, roles, role});
                return false;
            }
            try (Response ignored = realm().users().delete(userId)) {
                return true;
            }
        });
    }

    public void deleteUser(String userId) {
        call("delete the login " + userId, () -> {
            try (Response ignored = realm().users().delete(userId)) {
                return null;
            }
        });
    }

    /**
     * One page of the organization's members, in Keycloak's order (by username): all of them, or those found by
     * Keycloak's own search (each word the start of their username, email, first or last name; * is a wildcard).
     * Another organization's people are never listed.
     */
    public List<Member> members(String organizationId, String search, int first, int max) {
        String term = MemberPaging.search(search);
        return call("list the members", () -> {
            OrganizationMembersResource members = organization(organizationId).members();
            List<MemberRepresentation> page = term == null ? members.list(first, max, true) : members.search(term, false, first, max, true);
            return page.stream().map(KeycloakDirectory::member).toList();
        });
    }

    /** How many members the organization has, or how many of them match the search. */
    public long countMembers(String organizationId, String search) {
        String term = MemberPaging.search(search);
        return call("count the members", () -> {
            OrganizationMembersResource members = organization(organizationId).members();
            if (term == null) {
                return members.count();
            }
            // Keycloak counts only all of an organization's members, not a search's matches: count those a chunk at a time.
            return MemberPaging.countInChunks((first, max) -> members.search(term, false, first, max, true).size());
        });
    }

    /**
     * Disables or enables the login of the organization's member with this id. Someone outside the organization
     * is "not found", like a wrong id: Keycloak answers 404 for a user who is not this organization's member.
     */
    public Member setLoginEnabled(String organizationId, String userId, boolean enabled) {
        return call((enabled ? "enable" : "disable") + " the login", () -> {
            MemberRepresentation member;
            try {
                member = organization(organizationId).members().member(userId).toRepresentation();
            } catch (NotFoundException e) {
                throw new DomainException("userId", "No member with id " + userId);
            }
            UserResource login = realm().users().get(member.getId());
            UserRepresentation user = login.toRepresentation();
            user.setEnabled(enabled);
            login.update(user);
            return new Member(member.getId(), member.getEmail(), member.getFirstName(), member.getLastName(), enabled);
        });
    }

    /** A login as LorKit's lists of staff need it: who it is, how they sign in, and whether they may. */
    public record Login(String id, String username, String email, String firstName, String lastName, boolean enabled)
            implements java.io.Serializable {
    }

    /**
     * Every login that holds this realm role itself (not through a group or a composite role), read a page at a time.
     * The staff roles are held by a few people per agency: far fewer than an organization's members, mostly students.
     */
    public List<Login> realmRoleMembers(String role) {
        return call("list the logins with the role " + role, () -> {
            List<Login> logins = new ArrayList<>();
            for (int first = 0; ; first += ROLE_PAGE) {
                List<UserRepresentation> page = realm().roles().get(role).getUserMembers(true, first, ROLE_PAGE);
                page.forEach(user -> logins.add(login(user)));
                if (page.size() < ROLE_PAGE) {
                    return logins;
                }
            }
        });
    }

    /** The ids of the organizations the login is a member of; none for a login deleted meanwhile. */
    public Set<String> organizationsOf(String userId) {
        return call("read the organizations of the login " + userId, () -> {
            try {
                return realm().organizations().members().getOrganizations(userId, true).stream()
                        .map(OrganizationRepresentation::getId).collect(Collectors.toSet());
            } catch (NotFoundException gone) {
                return Set.of();
            }
        });
    }

    /**
     * The organization's member who signs in with this login (their username, or their email), if there is one;
     * someone of another organization is "none".
     */
    public Optional<Login> memberByLogin(String organizationId, String login) {
        return call("find the login " + login, () -> organization(organizationId).members().search(login, true, 0, 5).stream()
                .filter(m -> login.equalsIgnoreCase(m.getUsername()) || login.equalsIgnoreCase(m.getEmail()))
                .findFirst()
                .map(KeycloakDirectory::login));
    }

    /** The realm roles the login holds itself, as {@link #realmRoleMembers} counts them (none for a login deleted meanwhile). */
    public Set<String> realmRolesOf(String userId) {
        return call("read the roles of the login " + userId, () -> {
            try {
                return realm().users().get(userId).roles().realmLevel().listAll().stream()
                        .map(RoleRepresentation::getName).collect(Collectors.toSet());
            } catch (NotFoundException gone) {
                return Set.of();
            }
        });
    }

    /** How long an API client's access token lives: a revoked client's last token stops working after this at most. */
    public static final int API_TOKEN_LIFESPAN_SECONDS = 300;

    /**
     * Creates a confidential client that has only a service account (the client credentials grant) for the organization
     * with this alias, and returns its secret. Its tokens carry the organization the way a member's do (the
     * {@code organization} claim, a list of one alias: a hardcoded claim, as the service account is no member of the
     * organization, and so is never listed among its people), the portal's audience and the realm role; they live
     * {@value #API_TOKEN_LIFESPAN_SECONDS} seconds. Nothing is left behind when a step fails.
     */
    public String createApiClient(String organizationAlias, String clientId, String name, String role) {
        org.keycloak.representations.idm.ClientRepresentation client = new org.keycloak.representations.idm.ClientRepresentation();
        client.setClientId(clientId);
        client.setName(name);
        client.setDescription("LorKit API client of the agency " + organizationAlias + ", made on its settings page");
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setFrontchannelLogout(false);
        client.setFullScopeAllowed(true);
        client.setDefaultClientScopes(List.of("basic", "profile", "roles"));
        client.setOptionalClientScopes(List.of());
        client.setAttributes(Map.of("access.token.lifespan", String.valueOf(API_TOKEN_LIFESPAN_SECONDS),
                "lorkit.organization", organizationAlias));
        client.setProtocolMappers(List.of(
                mapper("organization", "oidc-hardcoded-claim-mapper", Map.of("claim.name", "organization",
                        "claim.value", "[\"" + organizationAlias.replace("\"", "") + "\"]", "jsonType.label", "JSON",
                        "access.token.claim", "true", "id.token.claim", "false", "userinfo.token.claim", "false",
                        "introspection.token.claim", "true")),
                mapper("portal-audience", "oidc-audience-mapper", Map.of("included.client.audience", settings.portalClientId(),
                        "access.token.claim", "true", "id.token.claim", "false", "introspection.token.claim", "true"))));
        String id = call("create the API client " + name, () -> {
            try (Response response = realm().clients().create(client)) {
                return CreatedResponseUtil.getCreatedId(response);
            }
        });
        try {
            return call("give the API client " + name + " the role " + role, () -> {
                org.keycloak.admin.client.resource.ClientResource created = realm().clients().get(id);
                RoleRepresentation realmRole = realm().roles().get(role).toRepresentation();
                realm().users().get(created.getServiceAccountUser().getId()).roles().realmLevel().add(List.of(realmRole));
                return created.getSecret().getValue();
            });
        } catch (RuntimeException e) {
            deleteApiClient(clientId);
            throw e;
        }
    }

    /** Deletes the client: no new token is issued for it from then on. One already gone counts as deleted. */
    public void deleteApiClient(String clientId) {
        call("delete the API client " + clientId, () -> {
            for (org.keycloak.representations.idm.ClientRepresentation found : realm().clients().findByClientId(clientId)) {
                realm().clients().get(found.getId()).remove();
            }
            return null;
        });
    }

    private static org.keycloak.representations.idm.ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        org.keycloak.representations.idm.ProtocolMapperRepresentation mapper = new org.keycloak.representations.idm.ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(new java.util.HashMap<>(config));
        return mapper;
    }

    private static Login login(UserRepresentation user) {
        return new Login(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                Boolean.TRUE.equals(user.isEnabled()));
    }

    private OrganizationResource organization(String organizationId) {
        return realm().organizations().get(organizationId);
    }

    private static Member member(MemberRepresentation m) {
        return new Member(m.getId(), m.getEmail(), m.getFirstName(), m.getLastName(), Boolean.TRUE.equals(m.isEnabled()));
    }

    private interface KeycloakCall<T> {
        T call();
    }

    private static <T> T call(String what, KeycloakCall<T> work) {
        try {
            return work.call();
        } catch (DomainException e) {
            throw e;
        } catch (WebApplicationException e) {
            LOG.log(Level.WARNING, "Keycloak refused to {0}: HTTP {1}", new Object[]{what, e.getResponse().getStatus()});
            throw new DomainException("Keycloak refused to " + what + " (HTTP " + e.getResponse().getStatus() + ")");
        } catch (ProcessingException e) {
            LOG.log(Level.WARNING, "Keycloak is unreachable ({0}): {1}", new Object[]{what, e.getMessage()});
            throw new DomainException("Keycloak cannot be reached right now, so LorKit could not " + what + ". Nothing was changed; try again later.");
        }
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}
