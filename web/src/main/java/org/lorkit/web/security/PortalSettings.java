package org.lorkit.web.security;

/**
 * Where LorKit and its Keycloak realm are reachable, from the same environment variables as
 * WEB-INF/oidc.json (system properties win). Links are built from these, never from the Host header.
 */
public final class PortalSettings {
    private PortalSettings() {
    }

    public static String baseUrl() {
        return setting("lorkit.base-url", "LORKIT_BASE_URL", "http://localhost:8080");
    }

    public static String providerUrl() {
        return setting("lorkit.oidc.provider-url", "LORKIT_OIDC_PROVIDER_URL", "http://localhost:8180/realms/lorkit");
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property, System.getenv(environment));
        return value == null || value.isBlank() ? fallback : value.replaceAll("/+$", "");
    }
}
