package org.lorkit.web.security;

import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SignInAvailabilityTest {

    /** A servlet context that has only WEB-INF/oidc.json, with this text (null: no such file). */
    private static ServletContext withOidcJson(String json) {
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(), new Class<?>[]{ServletContext.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getResourceAsStream") && "/WEB-INF/oidc.json".equals(arguments[0])) {
                        return json == null ? null : (InputStream) new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void the_realm_is_the_one_lorkits_own_oidc_json_names_with_its_default() {
        assumeTrue(System.getenv("LORKIT_OIDC_PROVIDER_URL") == null, "LORKIT_OIDC_PROVIDER_URL is not set where the tests run");
        String oidcJson;
        try {
            oidcJson = Files.readString(Path.of("src/main/webapp/WEB-INF/oidc.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(SignInAvailability.providerUrl(withOidcJson(oidcJson))).isEqualTo("http://localhost:8180/realms/lorkit");
    }

    @Test
    void a_plain_address_is_taken_as_it_is_without_its_trailing_slash() {
        assertThat(SignInAvailability.providerUrl(withOidcJson("""
                {"client-id": "lorkit-portal", "provider-url" : "https://id.example.org/realms/lorkit/"}""")))
                .isEqualTo("https://id.example.org/realms/lorkit");
    }

    @Test
    void an_expression_takes_the_variable_when_it_is_set_and_its_default_when_not() {
        assertThat(SignInAvailability.resolve("${env.LORKIT_NOT_SET_ANYWHERE:http://localhost:8180/realms/lorkit/}"))
                .isEqualTo("http://localhost:8180/realms/lorkit");
        String path = System.getenv("PATH");
        assumeTrue(path != null && !path.isBlank(), "PATH is set where the tests run");
        assertThat(SignInAvailability.resolve("${env.PATH:unused}")).isEqualTo(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    @Test
    void no_file_no_provider_url_or_no_json_means_no_check() {
        assertThat(SignInAvailability.providerUrl(withOidcJson(null))).isNull();
        assertThat(SignInAvailability.providerUrl(withOidcJson("{\"client-id\": \"lorkit-portal\"}"))).isNull();
        assertThat(SignInAvailability.providerUrl(withOidcJson("{\"provider-url\": \"\"}"))).isNull();
        assertThat(SignInAvailability.providerUrl(withOidcJson("{\"credentials\": {\"provider-url\": \"https://elsewhere\"}}")))
                .as("only the top-level provider-url is the client's").isNull();
        assertThat(SignInAvailability.providerUrl(withOidcJson("provider-url: https://id.example.org"))).isNull();
    }

    @Test
    void an_escaped_character_in_the_json_is_read_as_json_means_it() {
        assertThat(SignInAvailability.providerUrl(withOidcJson("{\"provider-url\": \"https:\\/\\/id.example.org\\/realms\\/lorkit\"}")))
                .isEqualTo("https://id.example.org/realms/lorkit");
    }

    @Test
    void the_session_cookie_is_secure_for_an_https_address_only() {
        assertThat(SessionCookiePolicy.servedOverTls("HTTPS://lorkit.example.org")).isTrue();
        assertThat(SessionCookiePolicy.servedOverTls("http://localhost:8080")).isFalse();
    }
}
