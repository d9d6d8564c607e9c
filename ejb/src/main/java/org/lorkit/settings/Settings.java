package org.lorkit.settings;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;

/**
 * The one class that reads LorKit's settings from system properties and environment variables, through MicroProfile
 * Config (WildFly's microprofile-config-smallrye subsystem, present in the standalone.xml and standalone-ha.xml that
 * lorkit.xml and lorkit-ha.xml start from). Every setting is named here once, with its system property and, where an
 * operator sets it, its LORKIT_* environment variable; the classes that use a setting (MailSettings, KeycloakSettings,
 * the schedulers, the web's sign-in and sign-out) ask this class and keep only their defaults and parsing.
 * <p>
 * It lives in a package of its own, below both the application services and the infrastructure, which both read it,
 * and which the web module may import (the web reads LorKit's public address) without reaching into infrastructure.
 * <p>
 * A system property wins over the environment, and a blank value counts as unset, as before MicroProfile Config.
 * MicroProfile Config finds the variable of a property by itself ({@code lorkit.base-url} is {@code LORKIT_BASE_URL});
 * a variable whose name does not follow from its property ({@code LORKIT_ADMIN_CLIENT_ID} for
 * {@code lorkit.keycloak.admin-client}) is looked up by its own name after the property. (So a switch that has only a
 * system property, such as {@code lorkit.clock.adjustable}, would also follow the variable MicroProfile Config maps it
 * to; no such variable is set anywhere, and none is documented.)
 * <p>
 * Every value is looked up again on every call, never kept (no {@code @ConfigProperty} injection, which fixes a value
 * when its bean is made): the integration tests change some settings while the server runs
 * (System.setProperty("lorkit.smtp.port") inside the server, read by the next SMTP session; jboss-cli's
 * {@code /system-property=NAME:add} sets a system property too), and SmallRye Config's system-property source reads
 * {@link System#getProperty} on each lookup (SettingsTest proves it against the SmallRye Config that WildFly ships).
 * A few readers keep what they read in a constant (the outbox's lease, the crash test's pause and gate, the node's
 * name), as they did before: those are fixed for a server's run. Values are taken as they are written ({@link
 * org.eclipse.microprofile.config.ConfigValue#getRawValue()}): a secret with "${" in it is not an expression.
 * The Config is the one of this class's own deployment (its class loader), so timers, mail senders and the web's
 * deployment-time extension read the same settings whatever their thread's context class loader.
 */
public final class Settings {
    /**
     * A setting: its system property (null: only the environment variable), its environment variable (null: only
     * the system property, a switch for tests and the run script that production never sets) and, for a secret, the
     * development default it falls back on (which ProductionSecrets refuses anywhere but on loopback; null for the
     * others, whose readers keep their own defaults).
     */
    public record Setting(String property, String variable, String developmentDefault) {
        public Setting(String property, String variable) {
            this(property, variable, null);
        }
    }

    // Where LorKit and its Keycloak are
    /** LorKit's public address, the base of every link it builds (never a request's Host header). */
    public static final Setting BASE_URL = new Setting("lorkit.base-url", "LORKIT_BASE_URL");
    /** The Keycloak realm the sign-in uses; WEB-INF/oidc.json names the same variable. */
    public static final Setting OIDC_PROVIDER_URL = new Setting("lorkit.oidc.provider-url", "LORKIT_OIDC_PROVIDER_URL");
    public static final Setting OIDC_CLIENT_ID = new Setting("lorkit.oidc.client", "LORKIT_OIDC_CLIENT_ID");
    /** The portal client's secret: WEB-INF/oidc.json reads it (with the same default); here for the start-up check only. */
    public static final Setting OIDC_SECRET = new Setting(null, "LORKIT_OIDC_SECRET", "lorkit-dev-secret");
    public static final Setting KEYCLOAK_URL = new Setting("lorkit.keycloak.url", "LORKIT_KEYCLOAK_URL");
    public static final Setting KEYCLOAK_REALM = new Setting("lorkit.keycloak.realm", "LORKIT_KEYCLOAK_REALM");
    public static final Setting ADMIN_CLIENT_ID = new Setting("lorkit.keycloak.admin-client", "LORKIT_ADMIN_CLIENT_ID");
    public static final Setting ADMIN_CLIENT_SECRET = new Setting("lorkit.keycloak.admin-secret", "LORKIT_ADMIN_CLIENT_SECRET", "lorkit-admin-dev-secret");

    // The database: configure.cli reads it; here for the start-up check only
    public static final Setting DB_PASSWORD = new Setting("lorkit.db.password", "LORKIT_DB_PASSWORD", "sa");

    // Mail
    public static final Setting SMTP_HOST = new Setting("lorkit.smtp.host", "LORKIT_SMTP_HOST");
    public static final Setting SMTP_PORT = new Setting("lorkit.smtp.port", "LORKIT_SMTP_PORT");
    public static final Setting SMTP_USERNAME = new Setting("lorkit.smtp.username", "LORKIT_SMTP_USERNAME");
    public static final Setting SMTP_PASSWORD = new Setting("lorkit.smtp.password", "LORKIT_SMTP_PASSWORD");
    public static final Setting SMTP_STARTTLS = new Setting("lorkit.smtp.starttls", "LORKIT_SMTP_STARTTLS");
    public static final Setting MAIL_FROM = new Setting("lorkit.mail.from", "LORKIT_MAIL_FROM");
    public static final Setting OUTBOX_INTERVAL_MS = new Setting("lorkit.outbox.interval-ms", "LORKIT_OUTBOX_INTERVAL_MS");
    public static final Setting OUTBOX_SENDERS = new Setting("lorkit.outbox.senders", "LORKIT_OUTBOX_SENDERS");
    public static final Setting BOUNCE_DOMAIN = new Setting("lorkit.bounce.domain", "LORKIT_BOUNCE_DOMAIN");
    /** Whoever knows it can forge bounce reports that mark any agency's mail as bounced. */
    public static final Setting BOUNCE_SECRET = new Setting("lorkit.bounce.secret", "LORKIT_BOUNCE_SECRET", "lorkit-bounce-dev-secret");
    public static final Setting BOUNCE_IMAP_HOST = new Setting("lorkit.bounce.imap.host", "LORKIT_BOUNCE_IMAP_HOST");
    public static final Setting BOUNCE_IMAP_PORT = new Setting("lorkit.bounce.imap.port", "LORKIT_BOUNCE_IMAP_PORT");
    public static final Setting BOUNCE_IMAP_SECURITY = new Setting("lorkit.bounce.imap.security", "LORKIT_BOUNCE_IMAP_SECURITY");
    public static final Setting BOUNCE_IMAP_USERNAME = new Setting("lorkit.bounce.imap.username", "LORKIT_BOUNCE_IMAP_USERNAME");
    public static final Setting BOUNCE_IMAP_PASSWORD = new Setting("lorkit.bounce.imap.password", "LORKIT_BOUNCE_IMAP_PASSWORD");
    public static final Setting BOUNCE_IMAP_FOLDER = new Setting("lorkit.bounce.imap.folder", "LORKIT_BOUNCE_IMAP_FOLDER");
    public static final Setting BOUNCE_INTERVAL_MS = new Setting("lorkit.bounce.interval-ms", "LORKIT_BOUNCE_INTERVAL_MS");
    public static final Setting DIGEST_HOUR = new Setting("lorkit.digest.hour", "LORKIT_DIGEST_HOUR");
    public static final Setting REMINDERS_INTERVAL_MS = new Setting("lorkit.reminders.interval-ms", "LORKIT_REMINDERS_INTERVAL_MS");
    /**
     * Readiness (the outbox's check) is DOWN while the oldest due, unsent email has waited longer than this many
     * minutes: the senders are not keeping up, or are stuck.
     */
    public static final Setting OUTBOX_READY_MAX_AGE_MINUTES = new Setting("lorkit.outbox.ready-max-age-minutes",
            "LORKIT_OUTBOX_READY_MAX_AGE_MINUTES");

    // Webhooks
    /**
     * Lets agencies register http://localhost and http://127.0.0.1 endpoints (and LorKit send to loopback addresses):
     * for tests and a developer's machine, never production, where an endpoint must be HTTPS to a public address.
     */
    public static final Setting WEBHOOKS_ALLOW_LOCALHOST = new Setting("lorkit.webhooks.allow-localhost", "LORKIT_WEBHOOKS_ALLOW_LOCALHOST");

    // Switches for tests and the run script: system properties that production never sets
    /** Test databases only: drop everything before migrating. */
    public static final Setting DB_CLEAN_ON_START = new Setting("lorkit.db.clean-on-start", null);
    /** Lets tests move the application's clock. */
    public static final Setting CLOCK_ADJUSTABLE = new Setting("lorkit.clock.adjustable", null);
    /** Seeds the demo agency on start (./run.sh, the tests). */
    public static final Setting DEMO_SEED = new Setting("lorkit.demo.seed", null);
    /** How long a sender's claim on an outbox row lasts before another node may take the row over. */
    public static final Setting OUTBOX_LEASE_SECONDS = new Setting("lorkit.outbox.lease-seconds", null);
    /** The crash test's pause before each send. */
    public static final Setting OUTBOX_PAUSE_MS = new Setting("lorkit.outbox.pause-ms", null);
    /** The crash test's gate file: while it exists, senders wait before their next send. */
    public static final Setting OUTBOX_HOLD_FILE = new Setting("lorkit.outbox.hold-file", null);
    /** WildFly's name for this node (the compose stack and the cluster tests set it). */
    public static final Setting NODE_NAME = new Setting("jboss.node.name", null);

    /** Where ./run.sh and the tests serve LorKit. */
    public static final String DEFAULT_BASE_URL = "http://localhost:8080";
    private static final String DEFAULT_OIDC_PROVIDER_URL = "http://localhost:8180/realms/lorkit";

    private Settings() {
    }

    /** The setting's value as written; empty when neither its property nor its variable is set to something. */
    public static Optional<String> value(Setting setting) {
        Optional<String> value = setting.property() == null ? Optional.empty() : named(setting.property());
        return value.isPresent() || setting.variable() == null ? value : named(setting.variable());
    }

    public static String text(Setting setting, String fallback) {
        return value(setting).orElse(fallback);
    }

    /** A switch: on only when set to "true" (in any case), as {@link Boolean#getBoolean} had it. */
    public static boolean flag(Setting setting) {
        return value(setting).map(Boolean::parseBoolean).orElse(false);
    }

    /** A whole number; a value that is not one stops whatever reads it, naming the setting. */
    public static long number(Setting setting, long fallback) {
        Optional<String> value = value(setting);
        try {
            return value.map(String::strip).map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name(setting) + " is not a whole number: " + value.orElseThrow(), e);
        }
    }

    /** LorKit's public address, without a trailing slash: links in mail, the sign-out's return, the Secure cookie. */
    public static String baseUrl() {
        return withoutTrailingSlash(text(BASE_URL, DEFAULT_BASE_URL).strip());
    }

    /** The Keycloak realm users sign in to (and sign out of), without a trailing slash. */
    public static String oidcProviderUrl() {
        return withoutTrailingSlash(text(OIDC_PROVIDER_URL, DEFAULT_OIDC_PROVIDER_URL));
    }

    /** The raw value of one name: a system property of that name, else the environment variable MP Config maps it to. */
    public static String named(String name, String ifUnset) {
        return named(name).orElse(ifUnset);
    }

    private static Optional<String> named(String name) {
        return Optional.ofNullable(config().getConfigValue(name).getRawValue()).filter(value -> !value.isBlank());
    }

    private static Config config() {
        return ConfigProvider.getConfig(Settings.class.getClassLoader());
    }

    private static String name(Setting setting) {
        return setting.property() != null ? setting.property() : setting.variable();
    }

    private static String withoutTrailingSlash(String url) {
        return url.replaceAll("/+$", "");
    }
}
