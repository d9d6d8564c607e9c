package org.lorkit.web.tenancy;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lorkit.infrastructure.tenancy.CurrentAgency;
import org.lorkit.infrastructure.tenancy.OrganizationAgencies;
import org.lorkit.infrastructure.tenancy.TenantResolver.TenantAgency;
import org.lorkit.web.security.TokenClaims;

import java.io.IOException;
import java.util.Optional;

/**
 * Puts the caller's agency in context for the request: the organization claim of the verified
 * Keycloak token, mapped to the agency row. Nothing the browser sends (parameter, header, JSF state)
 * can choose it. Callers without an organization (the platform operator) act for no agency.
 */
@WebFilter(filterName = "TokenAgencyFilter", urlPatterns = "/*")
public class TokenAgencyFilter extends HttpFilter {
    /** Request attribute holding the {@link SignedInAgency} of the caller, for pages to show its name. */
    public static final String AGENCY_ATTRIBUTE = "lorkit.agency";

    @Inject
    private OrganizationAgencies agencies;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<TenantAgency> agency = TokenClaims.organization(request).flatMap(agencies::agencyOf);
        if (agency.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(AGENCY_ATTRIBUTE, new SignedInAgency(agency.get().id(), agency.get().slug(), agency.get().name()));
        try (CurrentAgency.Scope ignored = CurrentAgency.enter(agency.get().id())) {
            chain.doFilter(request, response);
        }
    }
}
