package org.lorkit.web.attending;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lorkit.application.agency.AgencyLogos;

import java.io.IOException;
import java.util.Optional;

/**
 * GET /logo/{agency slug}: the agency's logo, public because attendings (no login) see it on the kit page and
 * in emails. Served with the type found from its bytes, nosniff, and a short public cache.
 */
@WebServlet("/logo/*")
public class LogoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    private AgencyLogos logos;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String slug = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        Optional<AgencyLogos.Logo> logo = slug.matches("[a-z0-9][a-z0-9-]{0,59}") ? logos.bySlug(slug) : Optional.empty();
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (logo.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(logo.get().contentType());
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(logo.get().content().length);
        response.getOutputStream().write(logo.get().content());
    }
}
