package org.lorkit.infrastructure.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lorkit.infrastructure.tenancy.TenantResolver.TenantAgency;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The agency of a login token's organization, for the tenant filter, which asks on every request: looked up once per
 * organization and server. An agency's id, slug and name never change and an agency is never removed, so what was found
 * stays true; an organization with no agency yet is asked again next time (its agency may be created meanwhile).
 * Without it every request of a signed-in user cost a transaction and a statement before its page began.
 */
@ApplicationScoped
public class OrganizationAgencies {
    private final Map<String, TenantAgency> found = new ConcurrentHashMap<>();
    private Function<String, Optional<TenantAgency>> lookup;

    @Inject
    void lookUpWith(TenantResolver tenants) {
        this.lookup = tenants::agencyForOrganization;
    }

    protected OrganizationAgencies() {
    }

    OrganizationAgencies(Function<String, Optional<TenantAgency>> lookup) {
        this.lookup = lookup;
    }

    public Optional<TenantAgency> agencyOf(String organizationAlias) {
        TenantAgency known = found.get(organizationAlias);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<TenantAgency> agency = lookup.apply(organizationAlias);
        agency.ifPresent(a -> found.put(organizationAlias, a));
        return agency;
    }
}
