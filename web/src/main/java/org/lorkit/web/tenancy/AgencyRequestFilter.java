package org.lorkit.web.tenancy;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lorkit.application.agency.AgencyService;
import org.lorkit.application.agency.AgencyView;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.io.IOException;
import java.util.Optional;

/**
 * Sets the agency for the request from server-side configuration: until Keycloak login arrives, the
 * portal serves the one agency named by the {@code lorkit.web.agency} system property (the demo
 * agency by default). Never from anything the browser sends.
 */
@WebFilter(urlPatterns = "*.xhtml")
public class AgencyRequestFilter extends HttpFilter {
    public static final String AGENCY_ATTRIBUTE = "lorkit.agency";

    @Inject
    private AgencyService agencies;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<AgencyView> agency = agencies.findBySlug(System.getProperty("lorkit.web.agency", "demo"));
        if (agency.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(AGENCY_ATTRIBUTE, agency.get());
        try (CurrentAgency.Scope ignored = CurrentAgency.enter(agency.get().id())) {
            chain.doFilter(request, response);
        }
    }
}
