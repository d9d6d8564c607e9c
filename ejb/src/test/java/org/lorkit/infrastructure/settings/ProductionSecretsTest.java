package org.lorkit.infrastructure.settings;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ProductionSecretsTest {
    private static final List<String> GUARD_PROPERTIES = List.of("lorkit.base-url", "lorkit.db.password", "lorkit.keycloak.admin-secret",
            "lorkit.bounce.secret");

    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    @AfterEach
    void clearSystemProperties() {
        GUARD_PROPERTIES.forEach(System::clearProperty);
    }

    private Optional<String> refusal() {
        return ProductionSecrets.refusal(properties::get, environment::get);
    }

    private void realSecrets() {
        environment.put("LORKIT_DB_PASSWORD", "9xv2-database");
        environment.put("LORKIT_OIDC_SECRET", "q7T3-portal");
        environment.put("LORKIT_ADMIN_CLIENT_SECRET", "Lm4p-admin");
        environment.put("LORKIT_BOUNCE_SECRET", "r8Kd-bounces");
    }

    @Test
    void the_bounce_secret_must_be_a_real_one_too_since_it_would_let_anyone_forge_bounces() {
        realSecrets();
        environment.put("LORKIT_BASE_URL", "https://lorkit.example.org");
        environment.put("LORKIT_BOUNCE_SECRET", "lorkit-bounce-dev-secret");
        assertThat(refusal()).hasValueSatisfying(reason -> assertThat(reason).contains("LORKIT_BOUNCE_SECRET is a development default"));
        environment.remove("LORKIT_BOUNCE_SECRET");
        assertThat(refusal()).hasValueSatisfying(reason -> assertThat(reason).contains("LORKIT_BOUNCE_SECRET is not set"));
    }

    @Test
    void on_its_own_machine_lorkit_runs_on_the_development_defaults() {
        assertThat(refusal()).as("nothing set: http://localhost:8080").isEmpty();
        for (String local : List.of("http://localhost:8080", "http://localhost:8280/", "http://127.0.0.1:8380",
                "http://[::1]:8080", "http://keycloak.localhost:8180", "HTTP://LOCALHOST:8080")) {
            environment.put("LORKIT_BASE_URL", local);
            environment.put("LORKIT_OIDC_SECRET", "lorkit-dev-secret");
            assertThat(refusal()).as(local).isEmpty();
        }
    }

    @Test
    void on_a_public_address_a_development_default_stops_it_with_one_line_naming_the_variable() {
        realSecrets();
        environment.put("LORKIT_BASE_URL", "https://lorkit.example.org");
        environment.put("LORKIT_OIDC_SECRET", "lorkit-dev-secret");

        assertThat(refusal()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("LorKit refuses to start: LORKIT_OIDC_SECRET is a development default;")
                .contains("LORKIT_BASE_URL=https://lorkit.example.org is not a loopback address")
                .contains("README, Production deployment")
                .doesNotContain("LORKIT_DB_PASSWORD", "LORKIT_ADMIN_CLIENT_SECRET", "q7T3", "\n"));
    }

    @Test
    void on_a_public_address_every_missing_default_or_example_secret_is_named() {
        environment.put("LORKIT_BASE_URL", "http://192.0.2.10:8080");
        environment.put("LORKIT_DB_PASSWORD", "sa");
        environment.put("LORKIT_ADMIN_CLIENT_SECRET", "change-me-admin-client-secret");

        assertThat(refusal()).hasValueSatisfying(reason -> assertThat(reason).contains(
                "LORKIT_DB_PASSWORD is a development default",
                "LORKIT_OIDC_SECRET is not set",
                "LORKIT_ADMIN_CLIENT_SECRET is still the example value of docker/.env.example"));

        // Any development default, whichever secret it stands for; blank counts as not set.
        environment.put("LORKIT_DB_PASSWORD", "lorkit-admin-dev-secret");
        environment.put("LORKIT_OIDC_SECRET", "  ");
        environment.put("LORKIT_ADMIN_CLIENT_SECRET", "CHANGE-ME");
        assertThat(refusal()).hasValueSatisfying(reason -> assertThat(reason).contains(
                "LORKIT_DB_PASSWORD is a development default", "LORKIT_OIDC_SECRET is not set",
                "LORKIT_ADMIN_CLIENT_SECRET is still the example value"));
    }

    @Test
    void real_secrets_on_a_public_address_pass() {
        realSecrets();
        environment.put("LORKIT_BASE_URL", "https://lorkit.example.org");
        assertThat(refusal()).isEmpty();
    }

    @Test
    void system_properties_win_over_the_environment_as_where_the_secrets_are_read() {
        realSecrets();
        environment.put("LORKIT_BASE_URL", "http://localhost:8080");
        properties.put("lorkit.base-url", "https://lorkit.example.org");
        properties.put("lorkit.db.password", "sa");

        assertThat(refusal()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("LORKIT_DB_PASSWORD is a development default").doesNotContain("LORKIT_OIDC_SECRET"));

        // oidc.json reads the portal's secret from the environment only: a property of that name changes nothing.
        properties.remove("lorkit.db.password");
        properties.put("lorkit.oidc.secret", "lorkit-dev-secret");
        assertThat(refusal()).isEmpty();
    }

    @Test
    void a_name_that_is_not_localhost_is_public_even_if_it_resolves_here() {
        assertThat(ProductionSecrets.isLoopback("http://localhost.example.org")).isFalse();
        assertThat(ProductionSecrets.isLoopback("http://127.0.0.1.nip.io")).isFalse();
        assertThat(ProductionSecrets.isLoopback("http://10.0.0.5:8080")).isFalse();
        assertThat(ProductionSecrets.isLoopback("localhost:8080")).as("no scheme, no host").isFalse();
        assertThat(ProductionSecrets.isLoopback("http://127.8.9.10:8080")).isTrue();
    }

    @Test
    void a_node_started_on_a_public_address_with_a_default_secret_stops_its_deployment() {
        assumeTrue(System.getenv("LORKIT_OIDC_SECRET") == null, "LORKIT_OIDC_SECRET is not set where the tests run");
        System.setProperty("lorkit.base-url", "https://lorkit.example.org");
        System.setProperty("lorkit.db.password", "9xv2-database");
        System.setProperty("lorkit.keycloak.admin-secret", "Lm4p-admin");
        System.setProperty("lorkit.bounce.secret", "r8Kd-bounces");

        assertThatThrownBy(() -> new ProductionSecretsGuard().refuseDevelopmentSecrets())
                .hasMessageStartingWith("LorKit refuses to start: LORKIT_OIDC_SECRET is not set")
                .hasMessageNotContaining("LORKIT_DB_PASSWORD");

        System.setProperty("lorkit.base-url", "http://localhost:8080");
        new ProductionSecretsGuard().refuseDevelopmentSecrets();
    }
}
