package org.lorkit.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.lorkit.infrastructure.keycloak.KeycloakSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Readiness "lorkit-keycloak": the realm LorKit provisions into answers its OpenID configuration (200) within
 * {@link #TIMEOUT}, at the address the nodes use for the Admin API (KeycloakSettings: inside the network, not the
 * public address, which in the compose stack is the load balancer that asks this very check).
 */
@ApplicationScoped
@Readiness
public class KeycloakReadiness implements HealthCheck {
    static final String NAME = "lorkit-keycloak";
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public HealthCheckResponse call() {
        KeycloakSettings keycloak = KeycloakSettings.fromEnvironment();
        String url = keycloak.serverUrl() + "/realms/" + keycloak.realm() + "/.well-known/openid-configuration";
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("url", url);
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.withData("status", answer.statusCode()).status(answer.statusCode() == 200).build();
        } catch (IOException | IllegalArgumentException e) {
            return response.withData("error", SmtpProbe.describe(e)).down().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.withData("error", "interrupted").down().build();
        }
    }
}
