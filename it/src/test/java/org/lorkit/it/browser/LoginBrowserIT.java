package org.lorkit.it.browser;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lorkit.it.support.Browser;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.KeycloakRealm;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The full code flow in a real browser: Keycloak's login page, back to LorKit, sign out everywhere, session expiry. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginBrowserIT {
    private static final String APP = "http://localhost:8080";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    @BeforeAll
    static void chromiumIsInstalled() {
        assertThat(Browser.available())
                .as("Chromium and chromedriver at /usr/bin (apt-get install chromium chromium-driver)").isTrue();
    }

    @Test
    void staff_log_in_through_keycloak_and_see_their_agency_then_sign_out_of_both() {
        try (Browser browser = new Browser()) {
            browser.open(APP + "/home.xhtml"); // "/" is the public front door; its Sign in leads here
            assertThat(browser.url()).startsWith(KeycloakRealm.REALM);
            browser.logIn("staff@bridgeway.example", KeycloakRealm.DEMO_PASSWORD);

            browser.waitForUrl("/agency/overview.xhtml");
            browser.screenshot("staff-overview");
            assertThat(browser.text(By.id("agency-name"))).isEqualTo("Bridgeway Clinical Rotations");
            assertThat(browser.text(By.id("signed-in-as"))).isEqualTo("staff@bridgeway.example");
            assertThat(browser.pageSource()).contains("Internal Medicine - Match").doesNotContain("Northstar");

            browser.click(By.id("logout"));
            browser.waitForUrl("/signed-out.xhtml");
            assertThat(browser.text(By.id("signed-out"))).contains("You are signed out");

            browser.open(APP + "/agency/overview.xhtml");
            browser.waitForUrl(KeycloakRealm.REALM);
            assertThat(browser.count(By.id("username"))).as("Keycloak asks for the login again").isPositive();
        }
    }

    @Test
    void a_student_logs_in_to_their_own_page() {
        try (Browser browser = new Browser()) {
            browser.open(APP + "/home.xhtml"); // "/" is the public front door; its Sign in leads here
            browser.logIn("li.na@student.example", KeycloakRealm.DEMO_PASSWORD);

            browser.waitForUrl("/student/home.xhtml");
            assertThat(browser.text(By.id("student-name"))).isEqualTo("Li Na");
            assertThat(browser.pageSource()).contains("Northstar USCE").contains("Dr. Grace Kim");
        }
    }

    @Test
    void an_ajax_request_after_the_session_ended_brings_the_person_back_to_the_login_page() {
        try (Browser browser = new Browser()) {
            browser.open(APP + "/home.xhtml"); // "/" is the public front door; its Sign in leads here
            browser.logIn("amara.okafor@student.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/student/home.xhtml");

            // The server no longer knows this browser's session, as after a timeout. A marker in the page
            // tells whether the page was left: it is gone after any navigation.
            browser.deleteCookie("JSESSIONID");
            browser.script("window.lorkitTestMarker = true;");
            browser.click(By.id("letters-form:refresh"));

            browser.waitForScript("return window.lorkitTestMarker === undefined;");
            browser.waitUntil("Keycloak's login or the student's home", () -> browser.url().contains(KeycloakRealm.REALM)
                    || browser.count(By.id("student-name")) > 0);
            browser.screenshot("after-session-expiry");
            // The page went through Keycloak's login; with Keycloak's own session still alive it passes
            // straight back to a fresh page, signed in. Nothing is left silently ignoring clicks.
            if (browser.url().startsWith(KeycloakRealm.REALM)) {
                assertThat(browser.count(By.id("username"))).isPositive();
            } else {
                assertThat(browser.text(By.id("student-name"))).isEqualTo("Amara Okafor");
                assertThat(browser.cookie("JSESSIONID")).as("a new session").isNotNull();
            }
        }
    }
}
