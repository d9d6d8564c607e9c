package org.lorkit.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lorkit.settings.Settings;
import org.wildfly.security.http.oidc.OidcSecurityContext;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Ends the LorKit session and the Keycloak session. request.logout() revokes the Keycloak session
 * over the back channel; the browser then passes by Keycloak's end-session page, which returns it to
 * LorKit's signed-out page. WildFly 39's OIDC client has no logout path of its own.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String idToken = TokenClaims.context(request).map(OidcSecurityContext::getIDTokenString).orElse(null);
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        String signedOut = Settings.baseUrl() + "/signed-out.xhtml";
        if (idToken == null) {
            response.sendRedirect(signedOut);
            return;
        }
        response.sendRedirect(Settings.oidcProviderUrl() + "/protocol/openid-connect/logout?id_token_hint="
                + URLEncoder.encode(idToken, StandardCharsets.UTF_8)
                + "&post_logout_redirect_uri=" + URLEncoder.encode(signedOut, StandardCharsets.UTF_8));
    }

    /** A GET never changes anything (mail scanners, prefetch): it only offers the button. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/");
    }
}
