package org.lorkit.web.security;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import jakarta.servlet.ServletContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When Keycloak is down, someone who is not signed in yet gets LorKit's "Sign-in is unavailable for a moment" page
 * instead of being sent to a Keycloak that does not answer (the browser's own connection error). WildFly's OIDC
 * client sends every new sign-in to Keycloak's authorization endpoint; just before that redirect leaves, this
 * extension asks Keycloak's realm whether it answers (at most every {@link #RECHECK_AFTER}, 2 s at most) and, if it
 * does not, points the redirect at {@link #PAGE} instead. Signed-in users and attendings' links never redirect
 * there, so they are not touched. (Behind the compose stack's load balancer the same page comes from HAProxy for
 * the Keycloak address itself.)
 */
public class SignInAvailability implements ServletExtension {
    private static final Logger LOG = Logger.getLogger(SignInAvailability.class.getName());
    static final String PAGE = "/sign-in-unavailable.xhtml";
    private static final String AUTHORIZATION_ENDPOINT = "/protocol/openid-connect/auth";
    static final Duration RECHECK_AFTER = Duration.ofSeconds(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    /** The last answer about one realm: whether it answered, and when it was asked. */
    private record Probe(String realm, boolean answers, long atNanos) {
    }

    private final AtomicReference<Probe> last = new AtomicReference<>();
    private volatile String contextPath = "";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        contextPath = deployment.getContextPath() == null || "/".equals(deployment.getContextPath()) ? "" : deployment.getContextPath();
        // An initial wrapper runs before the security handlers, so its listener sees the OIDC client's redirect.
        deployment.addInitialHandlerChainWrapper(next -> exchange -> {
            exchange.addResponseCommitListener(this::beforeCommit);
            next.handleRequest(exchange);
        });
    }

    private void beforeCommit(HttpServerExchange exchange) {
        int status = exchange.getStatusCode();
        if (status != StatusCodes.FOUND && status != StatusCodes.SEE_OTHER) {
            return;
        }
        String location = exchange.getResponseHeaders().getFirst(Headers.LOCATION);
        int endpoint = location == null ? -1 : location.indexOf(AUTHORIZATION_ENDPOINT);
        if (endpoint < 0 || answers(location.substring(0, endpoint))) {
            return;
        }
        exchange.setStatusCode(StatusCodes.SEE_OTHER);
        exchange.getResponseHeaders().put(Headers.LOCATION, contextPath + PAGE);
    }

    /** Whether the realm (Keycloak's .../realms/NAME address) answers, asked again at most every RECHECK_AFTER. */
    boolean answers(String realm) {
        if (!realm.startsWith("http://") && !realm.startsWith("https://")) {
            return true; // not an address this can ask: leave the redirect alone
        }
        Probe known = last.get();
        long now = System.nanoTime();
        if (known != null && known.realm().equals(realm) && now - known.atNanos() < RECHECK_AFTER.toNanos()) {
            return known.answers();
        }
        boolean answers;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(realm)).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            answers = response.statusCode() < 500;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answers = true; // no verdict: let the redirect go as it was
        } catch (Exception e) {
            answers = false;
        }
        if (known == null || known.answers() != answers) {
            LOG.log(answers ? Level.INFO : Level.WARNING, "Keycloak at {0} {1}", new Object[]{realm,
                    answers ? "answers: new sign-ins go to it" : "does not answer: new sign-ins see " + PAGE});
        }
        last.set(new Probe(realm, answers, now));
        return answers;
    }
}
