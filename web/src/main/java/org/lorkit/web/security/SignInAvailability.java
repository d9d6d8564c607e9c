package org.lorkit.web.security;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.ServletContext;
import org.lorkit.settings.Settings;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When Keycloak is down, someone who is not signed in yet gets LorKit's "Sign-in is unavailable for a moment" page
 * instead of being sent to a Keycloak that does not answer (the browser's own connection error). WildFly's OIDC
 * client sends every new sign-in to Keycloak's authorization endpoint; just before that redirect leaves, this
 * extension asks Keycloak's realm whether it answers (at most every {@link #RECHECK_AFTER}, by one request at a
 * time, 2 s at most) and, if it does not, points the redirect at {@link #PAGE} instead. Only a redirect to the realm
 * LorKit's own oidc.json names is looked at, and only that realm is ever asked (a Location built from a request's
 * Host header must not make LorKit call other addresses). A slow answer counts as an answer: under load Keycloak is
 * slow, not gone, and a sign-in that waits is better than one turned away. Signed-in users and attendings' links never redirect
 * there, so they are not touched. (Behind the compose stack's load balancer the same page comes from HAProxy for
 * the Keycloak address itself.)
 */
public class SignInAvailability implements ServletExtension {
    private static final Logger LOG = Logger.getLogger(SignInAvailability.class.getName());
    static final String PAGE = "/sign-in-unavailable.xhtml";
    private static final String AUTHORIZATION_ENDPOINT = "/protocol/openid-connect/auth?";
    static final Duration RECHECK_AFTER = Duration.ofSeconds(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** oidc.json's "provider-url" is a plain address, or ${env.NAME:default} as WildFly resolves it. */
    private static final Pattern ENV_EXPRESSION = Pattern.compile("\\$\\{env\\.([A-Za-z0-9_]+):([^}]*)}");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(PROBE_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean answers = true;
    private volatile long checkedAtNanos = System.nanoTime() - RECHECK_AFTER.toNanos();
    private volatile String realm;
    private volatile String contextPath = "";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        realm = providerUrl(servletContext);
        if (realm == null) {
            LOG.warning("No provider-url in WEB-INF/oidc.json: new sign-ins are not checked against Keycloak");
            return;
        }
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
        if (location == null || !location.startsWith(realm + AUTHORIZATION_ENDPOINT) || answers()) {
            return;
        }
        exchange.setStatusCode(StatusCodes.SEE_OTHER);
        exchange.getResponseHeaders().put(Headers.LOCATION, contextPath + PAGE);
    }

    /**
     * Whether the realm answered when last asked; asked again (by the first request after {@link #RECHECK_AFTER},
     * while the others go by the last answer) when that is older.
     */
    private boolean answers() {
        if (System.nanoTime() - checkedAtNanos >= RECHECK_AFTER.toNanos() && probing.compareAndSet(false, true)) {
            try {
                boolean now = probe();
                if (now != answers) {
                    LOG.log(now ? Level.INFO : Level.WARNING, "Keycloak at {0} {1}", new Object[]{realm,
                            now ? "answers again: new sign-ins go to it" : "does not answer: new sign-ins see " + PAGE});
                }
                answers = now;
                checkedAtNanos = System.nanoTime();
            } finally {
                probing.set(false);
            }
        }
        return answers;
    }

    private boolean probe() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(realm)).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            // 502-504: a proxy in front of Keycloak (the compose stack's HAProxy) says it is not there
            return response.statusCode() < 502 || response.statusCode() > 504;
        } catch (HttpTimeoutException e) {
            return true; // slow, not gone
        } catch (ConnectException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return answers;
        } catch (IOException e) {
            return false; // unknown host, connection reset: nothing that can sign anyone in
        }
    }

    /** The realm address WildFly's OIDC client uses, read from the same oidc.json; null if it cannot be read. */
    static String providerUrl(ServletContext servletContext) {
        try (InputStream json = servletContext.getResourceAsStream("/WEB-INF/oidc.json")) {
            if (json == null) {
                return null;
            }
            try (JsonReader reader = Json.createReader(json)) {
                JsonObject oidc = reader.readObject();
                String url = oidc.getString("provider-url", null);
                return url == null || url.isBlank() ? null : resolve(url);
            }
        } catch (IOException | JsonException e) {
            return null;
        }
    }

    static String resolve(String value) {
        Matcher expression = ENV_EXPRESSION.matcher(value);
        if (!expression.matches()) {
            return stripSlash(value);
        }
        return stripSlash(Settings.text(new Settings.Setting(null, expression.group(1)), expression.group(2)));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
