package org.lorkit.settings;

import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against the SmallRye Config that WildFly 39.0.1 ships (modules/system/layers/base/io/smallrye/config), with the
 * environment the ejb pom gives this test (LORKIT_ADMIN_CLIENT_ID, LORKIT_DIGEST_HOUR, LORKIT_KEYCLOAK_REALM).
 */
class SettingsTest {
    private static final List<Settings.Setting> CHANGED = List.of(Settings.SMTP_PORT, Settings.SMTP_PASSWORD,
            Settings.BASE_URL, Settings.DIGEST_HOUR, Settings.ADMIN_CLIENT_ID, Settings.OUTBOX_LEASE_SECONDS,
            Settings.CLOCK_ADJUSTABLE);

    @AfterEach
    void clearSystemProperties() {
        CHANGED.forEach(setting -> System.clearProperty(setting.property()));
    }

    @Test
    void the_config_is_the_smallrye_config_wildfly_39_0_1_ships() throws IOException {
        assertThat(ConfigProvider.getConfig(Settings.class.getClassLoader())).isInstanceOf(SmallRyeConfig.class);
        Properties pom = new Properties();
        try (InputStream in = SmallRyeConfig.class.getResourceAsStream("/META-INF/maven/io.smallrye.config/smallrye-config-core/pom.properties")) {
            pom.load(in);
        }
        assertThat(pom.getProperty("version")).as("update this test's reasoning with WildFly's SmallRye Config").isEqualTo("3.13.4");
    }

    @Test
    void a_system_property_set_while_the_server_runs_is_seen_by_the_next_lookup_and_its_removal_too() {
        assertThat(Settings.text(Settings.SMTP_PORT, "2525")).isEqualTo("2525");

        System.setProperty("lorkit.smtp.port", "2626"); // as RelayReplyIT and AgencyScaleBenchmark do inside the server
        assertThat(Settings.text(Settings.SMTP_PORT, "2525")).isEqualTo("2626");

        System.setProperty("lorkit.smtp.port", "2727");
        assertThat(Settings.text(Settings.SMTP_PORT, "2525")).isEqualTo("2727");

        System.clearProperty("lorkit.smtp.port");
        assertThat(Settings.text(Settings.SMTP_PORT, "2525")).isEqualTo("2525");
    }

    @Test
    void a_system_property_set_on_another_thread_is_seen_too() throws Exception {
        Settings.flag(Settings.CLOCK_ADJUSTABLE);
        CompletableFuture.runAsync(() -> System.setProperty("lorkit.clock.adjustable", "true")).get();
        assertThat(CompletableFuture.supplyAsync(() -> Settings.flag(Settings.CLOCK_ADJUSTABLE)).get()).isTrue();
        assertThat(Settings.flag(Settings.CLOCK_ADJUSTABLE)).isTrue();
    }

    @Test
    void the_environment_variable_of_a_property_is_found_by_its_mapped_name_and_the_property_wins() {
        assertThat(Settings.text(Settings.DIGEST_HOUR, "7")).as("LORKIT_DIGEST_HOUR for lorkit.digest.hour").isEqualTo("6");
        assertThat(Settings.text(Settings.KEYCLOAK_REALM, "lorkit")).isEqualTo("realm-from-the-environment");

        System.setProperty("lorkit.digest.hour", "8");
        assertThat(Settings.text(Settings.DIGEST_HOUR, "7")).isEqualTo("8");
    }

    @Test
    void a_variable_whose_name_does_not_follow_from_its_property_is_found_by_its_own_name() {
        assertThat(Settings.ADMIN_CLIENT_ID.variable()).isEqualTo("LORKIT_ADMIN_CLIENT_ID");
        assertThat(Settings.text(Settings.ADMIN_CLIENT_ID, "lorkit-admin")).isEqualTo("admin-from-the-environment");

        System.setProperty("lorkit.keycloak.admin-client", "admin-from-a-property");
        assertThat(Settings.text(Settings.ADMIN_CLIENT_ID, "lorkit-admin")).isEqualTo("admin-from-a-property");
    }

    @Test
    void every_variable_is_the_one_of_its_property_or_looked_up_by_its_own_name() throws IllegalAccessException {
        // The pairs MicroProfile Config does not map by itself; every other LORKIT_ name is its property's.
        List<String> ownNames = List.of("LORKIT_OIDC_CLIENT_ID", "LORKIT_OIDC_SECRET", "LORKIT_ADMIN_CLIENT_ID",
                "LORKIT_ADMIN_CLIENT_SECRET");
        for (java.lang.reflect.Field field : Settings.class.getFields()) {
            if (field.get(null) instanceof Settings.Setting setting && setting.variable() != null
                    && !ownNames.contains(setting.variable())) {
                assertThat(setting.property().replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT))
                        .as(field.getName()).isEqualTo(setting.variable());
            }
        }
    }

    @Test
    void a_blank_value_counts_as_unset() {
        System.setProperty("lorkit.base-url", "   ");
        assertThat(Settings.value(Settings.BASE_URL)).isEmpty();
        assertThat(Settings.baseUrl()).isEqualTo("http://localhost:8080");
    }

    @Test
    void a_value_is_taken_as_written_not_as_an_expression() {
        System.setProperty("lorkit.smtp.password", "p${nothing}w$$rd");
        assertThat(Settings.value(Settings.SMTP_PASSWORD)).contains("p${nothing}w$$rd");
    }

    @Test
    void the_public_address_loses_its_trailing_slashes_and_spaces() {
        System.setProperty("lorkit.base-url", " https://lorkit.example.org// ");
        assertThat(Settings.baseUrl()).isEqualTo("https://lorkit.example.org");
    }

    @Test
    void a_number_that_is_not_one_names_its_setting() {
        assertThat(Settings.number(Settings.OUTBOX_LEASE_SECONDS, 300)).isEqualTo(300);
        System.setProperty("lorkit.outbox.lease-seconds", " 20 ");
        assertThat(Settings.number(Settings.OUTBOX_LEASE_SECONDS, 300)).isEqualTo(20);
        System.setProperty("lorkit.outbox.lease-seconds", "soon");
        assertThatThrownBy(() -> Settings.number(Settings.OUTBOX_LEASE_SECONDS, 300))
                .hasMessage("lorkit.outbox.lease-seconds is not a whole number: soon");
    }

    @Test
    void a_switch_is_on_only_when_true() {
        assertThat(Settings.flag(Settings.CLOCK_ADJUSTABLE)).isFalse();
        System.setProperty("lorkit.clock.adjustable", "yes");
        assertThat(Settings.flag(Settings.CLOCK_ADJUSTABLE)).isFalse();
        System.setProperty("lorkit.clock.adjustable", "TRUE");
        assertThat(Settings.flag(Settings.CLOCK_ADJUSTABLE)).isTrue();
    }
}
