package org.lorkit.infrastructure.keycloak;

import org.lorkit.settings.Settings;
import org.lorkit.settings.Settings.Setting;

/**
 * Where Keycloak is and how LorKit's service account signs in to it, as {@link Settings} reads them (system
 * properties win over the environment); the defaults are the development Keycloak that ./run.sh and the tests start.
 */
public record KeycloakSettings(String serverUrl, String realm, String adminClientId, String adminClientSecret,
                               String portalClientId, String portalBaseUrl) {

    public static KeycloakSettings fromEnvironment() {
        return new KeycloakSettings(
                setting(Settings.KEYCLOAK_URL, "http://localhost:8180"),
                setting(Settings.KEYCLOAK_REALM, "lorkit"),
                setting(Settings.ADMIN_CLIENT_ID, "lorkit-admin"),
                setting(Settings.ADMIN_CLIENT_SECRET, Settings.ADMIN_CLIENT_SECRET.developmentDefault()),
                setting(Settings.OIDC_CLIENT_ID, "lorkit-portal"),
                Settings.baseUrl());
    }

    private static String setting(Setting setting, String fallback) {
        return Settings.text(setting, fallback).replaceAll("/+$", "");
    }
}
