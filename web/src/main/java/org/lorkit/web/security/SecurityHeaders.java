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
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
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
