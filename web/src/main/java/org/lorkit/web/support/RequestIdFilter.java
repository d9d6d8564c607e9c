package org.lorkit.web.support;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jboss.logging.MDC;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Names the request in the log: every line written while it is served carries its id under the log context's
 * "request" (ejb's LogContext.REQUEST; the agency is added where one is entered: TokenAgencyFilter, an attending's
 * link). The id is the incoming X-Request-Id when it is well formed (the load balancer's, so that its line and the
 * node's match), else a new one, and the response carries it back in X-Request-Id. Declared first in web.xml, so that
 * it wraps the other filters.
 */
public class RequestIdFilter extends HttpFilter {
    public static final String HEADER = "X-Request-Id";
    static final String LOG_KEY = "request";
    private static final String ATTRIBUTE = "lorkit.request-id";
    /** What an id may be: short, and nothing that could break a log line or pass for another field. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = (String) request.getAttribute(ATTRIBUTE);
        if (id == null) {
            id = idFor(request.getHeader(HEADER));
            request.setAttribute(ATTRIBUTE, id);
        }
        // Again on the error page's dispatch: a failure resets the response's headers.
        response.setHeader(HEADER, id);
        MDC.put(LOG_KEY, id);
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            // A failure is logged by the server once the filters have returned, then shown by the error page's
            // dispatch, which comes through here again: the id stays for that line, and that dispatch removes it.
            if (!failed || request.getDispatcherType() == DispatcherType.ERROR) {
                MDC.remove(LOG_KEY);
            }
        }
    }

    /** The caller's id when it is well formed, else a new one: 12 random hex digits. */
    static String idFor(String header) {
        if (header != null && WELL_FORMED.matcher(header).matches()) {
            return header;
        }
        return String.format("%012x", ThreadLocalRandom.current().nextLong() & 0xffff_ffff_ffffL);
    }
}
