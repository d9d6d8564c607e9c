package org.lorkit.infrastructure.settings;

import org.lorkit.settings.Settings;
import org.lorkit.settings.Settings.Setting;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether LorKit may start with the secrets it was given. On its own machine (a loopback public address:
 * ./run.sh, the tests) the development defaults are what it runs on; anywhere else every secret must be
 * set, and to neither a development default (the fallbacks of WEB-INF/oidc.json, configure.cli and
 * Settings) nor an example value of docker/.env.example ("change-me-...").
 */
public final class ProductionSecrets {
    /** A secret LorKit reads: its names and its development default are in {@link Settings}. */
    public record Secret(Setting setting) {
        /** Its system property; null: only the variable. */
        public String property() {
            return setting.property();
        }

        public String variable() {
            return setting.variable();
        }

        /** What LorKit falls back on when it is not set. */
        public String developmentDefault() {
            return setting.developmentDefault();
        }
    }

    public static final List<Secret> SECRETS = List.of(new Secret(Settings.DB_PASSWORD), new Secret(Settings.OIDC_SECRET),
            new Secret(Settings.ADMIN_CLIENT_SECRET), new Secret(Settings.BOUNCE_SECRET));
    /** Known to everyone who has read the sources: none may stand for any secret. */
    public static final Set<String> DEVELOPMENT_DEFAULTS = Set.of("sa", "lorkit-dev-secret", "lorkit-admin-dev-secret",
            "lorkit-bounce-dev-secret");
    public static final String EXAMPLE_PREFIX = "change-me";

    private ProductionSecrets() {
    }

    /**
     * Why LorKit must not start, in one line naming every secret at fault; empty when it may. System
     * properties win over the environment, as where the secrets are read.
     */
    public static Optional<String> refusal(Function<String, String> properties, Function<String, String> environment) {
        String baseUrl = setting(properties, environment, Settings.BASE_URL.property(), Settings.BASE_URL.variable());
        if (baseUrl == null || baseUrl.isBlank()) {
            baseUrl = Settings.DEFAULT_BASE_URL;
        }
        if (isLoopback(baseUrl.strip())) {
            return Optional.empty();
        }
        List<String> faults = new ArrayList<>();
        for (Secret secret : SECRETS) {
            String value = setting(properties, environment, secret.property(), secret.variable());
            String fault = fault(value);
            if (fault != null) {
                faults.add(secret.variable() + " " + fault);
            }
        }
        if (faults.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("LorKit refuses to start: " + String.join(", ", faults) + "; its public address "
                + Settings.BASE_URL.variable() + "=" + baseUrl.strip() + " is not a loopback address, so every secret must be a real one"
                + " (README, Production deployment)");
    }

    private static String fault(String value) {
        if (value == null || value.isBlank()) {
            return "is not set (LorKit would use its development default)";
        }
        String secret = value.strip();
        if (DEVELOPMENT_DEFAULTS.contains(secret)) {
            return "is a development default";
        }
        if (secret.toLowerCase(Locale.ROOT).startsWith(EXAMPLE_PREFIX)) {
            return "is still the example value of docker/.env.example";
        }
        return null;
    }

    private static String setting(Function<String, String> properties, Function<String, String> environment,
                                  String property, String variable) {
        String value = property == null ? null : properties.apply(property);
        return value != null ? value : environment.apply(variable);
    }

    /**
     * localhost, a *.localhost name (RFC 6761) or a loopback IP literal; names are not resolved, so an
     * address that merely resolves to this machine counts as public.
     */
    static boolean isLoopback(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        boolean ipLiteral = name.startsWith("[") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!ipLiteral) {
            return false;
        }
        try {
            return InetAddress.getByName(name.replaceAll("^\\[|]$", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
