package org.lorkit.infrastructure.keycloak;

/**
 * Where Keycloak is and how LorKit's service account signs in to it. System properties win over the
 * environment; the defaults are the development Keycloak that ./run.sh and the tests start.
 */
public record KeycloakSettings(String serverUrl, String realm, String adminClientId, String adminClientSecret,
                               String portalClientId, String portalBaseUrl) {

    public static KeycloakSettings fromEnvironment() {
        return new KeycloakSettings(
                setting("lorkit.keycloak.url", "LORKIT_KEYCLOAK_URL", "http://localhost:8180"),
                setting("lorkit.keycloak.realm", "LORKIT_KEYCLOAK_REALM", "lorkit"),
                setting("lorkit.keycloak.admin-client", "LORKIT_ADMIN_CLIENT_ID", "lorkit-admin"),
                setting("lorkit.keycloak.admin-secret", "LORKIT_ADMIN_CLIENT_SECRET", "lorkit-admin-dev-secret"),
                setting("lorkit.oidc.client", "LORKIT_OIDC_CLIENT_ID", "lorkit-portal"),
                setting("lorkit.base-url", "LORKIT_BASE_URL", "http://localhost:8080"));
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property, System.getenv(environment));
        return value == null || value.isBlank() ? fallback : value.replaceAll("/+$", "");
    }
}
