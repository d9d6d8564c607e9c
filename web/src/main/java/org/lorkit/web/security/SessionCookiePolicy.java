package org.lorkit.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.lorkit.settings.Settings;

/**
 * The session cookie is {@code Secure} whenever LorKit's public address is https (behind a TLS-terminating proxy the
 * node itself speaks plain HTTP, so the request's own scheme cannot decide). HttpOnly comes from web.xml, SameSite from WEB-INF/undertow-handlers.conf.
 */
@WebListener
public class SessionCookiePolicy implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (servedOverTls(Settings.baseUrl())) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }

    static boolean servedOverTls(String baseUrl) {
        return baseUrl.regionMatches(true, 0, "https://", 0, "https://".length());
    }
}
