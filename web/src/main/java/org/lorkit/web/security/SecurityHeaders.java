package org.lorkit.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Headers every response of the application carries: no content-type sniffing, no framing by any other site
 * (clickjacking), no referrer (attendings' links carry their secret in the address), and HSTS once served over TLS.
 * Error pages too (a 403 from a security constraint is rendered by an ERROR dispatch). The script policy of a full
 * Content-Security-Policy is not here yet: PrimeFaces needs its nonce mode first.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", isApiDocs(request) ? API_DOCS_POLICY : "frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }

    /**
     * The API's documentation (Swagger UI, a page of scripts) gets the JSF pages' script policy: scripts and connections
     * only to LorKit itself (its files, /openapi, the API), nothing inline. Swagger UI sets styles from script, as
     * PrimeFaces does, hence the same style-src.
     */
    static final String API_DOCS_POLICY = "default-src 'self'; img-src 'self' data:; font-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; script-src 'self'";

    static boolean isApiDocs(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api-docs/") || path.startsWith("/webjars/");
    }

    /**
     * A stored file (a student's PDF, a kit) is an attachment that may never act as a page: even a PDF that is also
     * valid HTML, opened somehow in a tab, gets no scripts, no plugins and no same-origin access (sandbox); and, being
     * someone's private document, it is never kept by a browser or proxy cache.
     */
    public static void asAttachment(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[\"\\\\\\r\\n]", "") + "\"");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
    }
}
