package org.lorkit.web.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page of a 401 (web.xml): the OIDC client refuses an API call without a valid token before any of the API's
 * code runs, so this writes that refusal as the API's other problems are written. Its WWW-Authenticate: Bearer stays. A
 * 401 outside the API (a page's AJAX request whose sign-in has expired) gets a line of text, as before.
 */
@WebServlet(UnauthorizedProblem.PATH)
public class UnauthorizedProblem extends HttpServlet {
    static final String PATH = "/problems/unauthorized";
    private static final String BODY = "{\"detail\":\"Send an access token from LorKit's Keycloak: Authorization: Bearer <token>. "
            + "docs/api.md says how to get one.\",\"status\":401,\"title\":\"A bearer token is needed\",\"type\":\""
            + ApiProblems.Kind.UNAUTHORIZED.type() + "\"}";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean api = uri instanceof String path && path.startsWith(request.getContextPath() + "/api/");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(api ? ApiProblem.MEDIA_TYPE : "text/plain");
        response.getWriter().write(api ? BODY : "Unauthorized");
    }
}
