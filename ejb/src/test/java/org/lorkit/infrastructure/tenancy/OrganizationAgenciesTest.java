package org.lorkit.infrastructure.tenancy;

import org.junit.jupiter.api.Test;
import org.lorkit.infrastructure.tenancy.TenantResolver.TenantAgency;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The tenant filter's lookup: an organization's agency is read once, an organization without one every time. */
class OrganizationAgenciesTest {
    private final Map<String, TenantAgency> rows = new HashMap<>();
    private final Map<String, Integer> lookups = new HashMap<>();
    private final OrganizationAgencies agencies = new OrganizationAgencies(alias -> {
        lookups.merge(alias, 1, Integer::sum);
        return Optional.ofNullable(rows.get(alias));
    });

    @Test
    void an_organizations_agency_is_looked_up_once() {
        rows.put("bridgeway", new TenantAgency(7, "bridgeway", "Bridgeway"));

        assertThat(agencies.agencyOf("bridgeway")).contains(new TenantAgency(7, "bridgeway", "Bridgeway"));
        assertThat(agencies.agencyOf("bridgeway")).contains(new TenantAgency(7, "bridgeway", "Bridgeway"));

        assertThat(lookups.get("bridgeway")).isEqualTo(1);
    }

    @Test
    void an_organization_without_an_agency_is_asked_again_and_found_once_its_agency_exists() {
        assertThat(agencies.agencyOf("northstar")).isEmpty();
        assertThat(agencies.agencyOf("northstar")).isEmpty();
        rows.put("northstar", new TenantAgency(8, "northstar", "Northstar"));

        assertThat(agencies.agencyOf("northstar")).contains(new TenantAgency(8, "northstar", "Northstar"));
        assertThat(lookups.get("northstar")).isEqualTo(3);
    }
}
