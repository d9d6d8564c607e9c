package org.lorkit.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lorkit.it.support.Browser;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.KeycloakRealm;
import org.openqa.selenium.By;

/**
 * LorKit's front door: "/" tells a visitor what LorKit is for students, attendings and agencies and offers "Sign in";
 * the icon and the static files come without a login; and no page a person starts from (the front door, the
 * attending's kit page, each role's start page) leaves an error in the browser's console, at a desktop's width and
 * a phone's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FrontDoorBrowserIT {
    private static final String APP = "http://localhost:8080";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkitWithTests();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void a_visitor_reads_what_lorkit_is_and_signs_in_from_the_front_door(int width) {
        try (Browser browser = new Browser()) {
            browser.resize(width, 900);
            browser.open(APP + "/");
            browser.waitForVisible(By.id("sign-in"));
            assertThat(browser.url()).as("no sign-in for the front door").isEqualTo(APP + "/");
            assertThat(browser.text(By.id("for-students"))).contains("when to ask");
            assertThat(browser.text(By.id("for-attendings"))).contains("No account");
            assertThat(browser.text(By.id("for-agencies"))).contains("which letters are coming");
            assertThat(browser.consoleErrors()).as("console of the front door").isEmpty();
            browser.screenshot("front-door-" + width);

            browser.click(By.id("sign-in"));
            browser.logIn("chen.wei@student.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/student/home.xhtml");

            browser.open(APP + "/");
            browser.waitForUrl("/student/home.xhtml");
        }
    }

    @Test
    void the_icon_and_static_files_are_served_without_a_login() throws Exception {
        for (String path : List.of("/favicon.ico", "/favicon.svg", "/jakarta.faces.resource/css/lorkit.css.xhtml",
                "/jakarta.faces.resource/js/lorkit.js.xhtml")) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(APP + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void no_start_page_leaves_an_error_in_the_console(int width) throws Exception {
        String kitLink = http.send(HttpRequest.newBuilder(URI.create(APP + "/lorkit-it/fixtures/sent-kit"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(kitLink).startsWith(APP + "/a/kit.xhtml?t=");
        List<String> errors = new ArrayList<>();
        try (Browser browser = new Browser()) {
            browser.resize(width, 900);
            browser.open(kitLink);
            browser.waitForVisible(By.id("kit-title"));
            browser.consoleErrors().forEach(error -> errors.add("attending's kit page: " + error));
        }
        errors.addAll(startPageErrors("amara.okafor@student.example", "/student/home.xhtml", width));
        errors.addAll(startPageErrors("staff@bridgeway.example", "/agency/overview.xhtml", width));
        errors.addAll(startPageErrors("admin@bridgeway.example", "/agency/overview.xhtml", width));
        errors.addAll(startPageErrors("operator@lorkit.example", "/operator/agencies.xhtml", width));
        assertThat(errors).isEmpty();
    }

    private static List<String> startPageErrors(String user, String home, int width) {
        try (Browser browser = new Browser()) {
            browser.resize(width, 900);
            browser.open(APP + home);
            browser.logIn(user, KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl(home);
            browser.waitForPresent(By.tagName("h1"));
            browser.refresh(); // the page again, as the person would see it after the sign-in's redirects
            return browser.consoleErrors().stream().map(error -> user + " on " + home + ": " + error).toList();
        }
    }
}
