package org.lorkit.it.security;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.KeycloakRealm;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of response the application serves (pages of each role, the attending's link pages, static
 * resources, logos, a page that does not exist) says: no sniffing, no framing by anyone, no referrer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {
    private static final String APP = "http://localhost:8080";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    @Test
    void every_response_forbids_sniffing_framing_and_referrers() {
        Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
        responses.put("staff home", KeycloakRealm.page("/", "staff@bridgeway.example"));
        responses.put("dashboard", KeycloakRealm.page("/agency/dashboard.xhtml", "staff@bridgeway.example"));
        responses.put("settings", KeycloakRealm.page("/agency/settings.xhtml", "admin@bridgeway.example"));
        responses.put("student home", KeycloakRealm.page("/student/home.xhtml", "amara.okafor@student.example"));
        responses.put("operator", KeycloakRealm.page("/operator/agencies.xhtml", "operator@lorkit.example"));
        responses.put("forbidden page", KeycloakRealm.page("/operator/agencies.xhtml", "amara.okafor@student.example"));
        responses.put("missing page", KeycloakRealm.page("/no-such-page.xhtml", "staff@bridgeway.example"));
        responses.put("attending link, unknown token", anonymous("/a/kit.xhtml?t=not-a-token"));
        responses.put("stylesheet", anonymous("/jakarta.faces.resource/css/lorkit.css.xhtml"));
        responses.put("logo of no agency", anonymous("/logo/no-such-agency"));

        responses.forEach((what, response) -> {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(what).contains("DENY");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(
                    csp -> assertThat(csp).contains("frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("Referrer-Policy")).as(what).contains("no-referrer");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what + ": plain HTTP gets no HSTS").isEmpty();
        });
        assertThat(responses.get("dashboard").statusCode()).isEqualTo(200);
        assertThat(responses.get("forbidden page").statusCode()).isEqualTo(403);
    }

    @Test
    void every_page_runs_only_scripts_from_lorkit_or_carrying_this_responses_nonce() {
        Map<String, HttpResponse<String>> pages = everyPage();
        assertThat(pages).as("pages rendered").hasSizeGreaterThan(15);

        Set<String> nonces = new HashSet<>();
        pages.forEach((what, page) -> {
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(what).contains("no-referrer");
            String policy = page.headers().allValues("Content-Security-Policy").stream()
                    .filter(value -> value.contains("script-src")).findFirst()
                    .orElseThrow(() -> new AssertionError(what + " has no script policy: " + page.headers().map()));
            String scriptDirective = Pattern.compile(";").splitAsStream(policy).map(String::trim)
                    .filter(directive -> directive.startsWith("script-src")).findFirst().orElseThrow();
            assertThat(scriptDirective).as(what).doesNotContain("unsafe-inline", "unsafe-eval", "*");
            assertThat(policy).as(what).contains("object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'");
            Matcher scriptPolicy = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=_-]+)'").matcher(policy);
            assertThat(scriptPolicy.find()).as(what + ": " + policy).isTrue();
            String nonce = scriptPolicy.group(1);
            nonces.add(nonce);

            Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(page.body());
            int inline = 0;
            while (scripts.find()) {
                String attributes = scripts.group(1);
                if (!attributes.contains("src=")) {
                    inline++;
                    assertThat(attributes).as(what + ": inline script without this response's nonce").contains("nonce=\"" + nonce + "\"");
                }
            }
            assertThat(inline).as(what + ": PrimeFaces' own start-up scripts are inline").isPositive();
            assertThat(Pattern.compile("\\son[a-z]+=\"", Pattern.CASE_INSENSITIVE).matcher(page.body()).find())
                    .as(what + ": an inline event handler would be refused").isFalse();
            assertThat(page.body()).as(what).doesNotContain("javascript:");
        });
        assertThat(nonces).as("a fresh nonce for every response").hasSize(pages.size());
    }

    @Test
    void the_api_documentation_runs_only_lorkits_own_scripts_and_the_api_answers_with_the_same_headers() {
        HttpResponse<String> docs = KeycloakRealm.page("/api-docs/", "staff@bridgeway.example");
        assertThat(docs.statusCode()).isEqualTo(200);
        String policy = docs.headers().firstValue("Content-Security-Policy").orElseThrow();
        String scriptDirective = Pattern.compile(";").splitAsStream(policy).map(String::trim)
                .filter(directive -> directive.startsWith("script-src")).findFirst().orElseThrow();
        assertThat(scriptDirective).isEqualTo("script-src 'self'");
        assertThat(policy).contains("default-src 'self'", "connect-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>").matcher(docs.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("every script of /api-docs/ is a file").contains("src=");
        }
        assertThat(count).isEqualTo(2);
        assertThat(KeycloakRealm.page("/api-docs/initializer.js", "staff@bridgeway.example").headers().firstValue("Content-Security-Policy"))
                .contains(policy);
        assertThat(KeycloakRealm.page("/api-docs/", "amara.okafor@student.example").statusCode()).as("staff only").isEqualTo(403);

        HttpResponse<String> api = KeycloakRealm.send(HttpRequest.newBuilder(URI.create(APP + "/api/v1/students"))
                .header("Accept", "application/json").header("Authorization", "Bearer " + KeycloakRealm.accessToken("staff@bridgeway.example")).build());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(api.headers().firstValue("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    /**
     * The attending's pages are drawn without JSF (AttendingKitServlet) and run no script at all: the JSF pages' policy
     * without a nonce, since there is nothing for one to allow, and no session (nothing is kept between requests).
     */
    @Test
    void the_attendings_pages_run_no_script_keep_no_session_and_send_the_link_pages_headers() {
        for (String path : List.of("/a/kit.xhtml?t=not-a-token", "/a/confirm.xhtml?t=not-a-token")) {
            HttpResponse<String> page = anonymous(path);
            String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).as(path).contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'",
                    "frame-ancestors 'none'", "form-action 'self'").doesNotContain("unsafe-eval");
            String scriptDirective = Pattern.compile(";").splitAsStream(policy).map(String::trim)
                    .filter(directive -> directive.startsWith("script-src")).findFirst().orElseThrow();
            assertThat(scriptDirective).as(path).isEqualTo("script-src 'self'");
            assertThat(page.body()).as(path).contains("<html", "lang=\"en\"").doesNotContain("<script", "javascript:");
            assertThat(Pattern.compile("\\son[a-z]+=\"", Pattern.CASE_INSENSITIVE).matcher(page.body()).find()).as(path).isFalse();
            assertThat(page.headers().allValues("Set-Cookie")).as(path + ": no session").isEmpty();
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(page.headers().firstValue("Cache-Control")).as(path).contains("no-store");
            assertThat(page.headers().firstValue("X-Robots-Tag")).as(path).contains("noindex, nofollow");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
        }
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site() {
        // A page with a form keeps its view in the session (the attending's pages, which used to, keep none).
        HttpResponse<String> page = KeycloakRealm.page("/student/home.xhtml", "amara.okafor@student.example");
        String session = page.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + page.headers().map()));
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .as("plain-HTTP development: Secure only when LORKIT_BASE_URL is https").doesNotContainIgnoringCase("Secure");
    }

    /**
     * Every page of the application (each .xhtml outside WEB-INF), as the person it is for: the attending's pages
     * anonymously with a link, agency pages as an admin, a student's as a student, the operator's as the operator.
     * Only those that render (200, HTML; 503 for the page a new sign-in gets while Keycloak is down) are returned; a
     * new page is covered without touching this test.
     */
    private static Map<String, HttpResponse<String>> everyPage() {
        Path webapp = Path.of("..", "web", "src", "main", "webapp");
        Map<String, HttpResponse<String>> pages = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(webapp)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xhtml") && !f.toString().contains("WEB-INF")).sorted().toList()) {
                String path = "/" + webapp.relativize(file).toString().replace('\\', '/');
                HttpResponse<String> response = path.startsWith("/a/") ? anonymous(path + "?t=not-a-token")
                        : path.startsWith("/agency/") ? KeycloakRealm.page(path, "admin@bridgeway.example")
                        : path.startsWith("/student/") ? KeycloakRealm.page(path, "amara.okafor@student.example")
                        : path.startsWith("/operator/") ? KeycloakRealm.page(path, "operator@lorkit.example")
                        : KeycloakRealm.page(path, "staff@bridgeway.example");
                boolean renders = response.statusCode() == 200 || response.statusCode() == 503 && path.equals("/sign-in-unavailable.xhtml");
                if (renders && response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                    pages.put(path, response);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pages;
    }

    private static HttpResponse<String> anonymous(String path) {
        return KeycloakRealm.send(HttpRequest.newBuilder(URI.create(APP + path)).header("Accept", "text/html").build());
    }
}
