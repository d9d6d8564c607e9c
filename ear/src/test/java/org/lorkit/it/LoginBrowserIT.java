package org.lorkit.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
            browser.driver.get(APP + "/");
            assertThat(browser.driver.getCurrentUrl()).startsWith(TestKeycloak.REALM);
            browser.logIn("staff@bridgeway.example", TestKeycloak.DEMO_PASSWORD);

            browser.wait.until(ExpectedConditions.urlContains("/agency/overview.xhtml"));
            browser.screenshot("staff-overview");
            assertThat(browser.driver.findElement(By.id("agency-name")).getText()).isEqualTo("Bridgeway Clinical Rotations");
            assertThat(browser.driver.findElement(By.id("signed-in-as")).getText()).isEqualTo("staff@bridgeway.example");
            assertThat(browser.driver.getPageSource()).contains("Internal Medicine - Match").doesNotContain("Northstar");

            browser.driver.findElement(By.id("logout")).click();
            browser.wait.until(ExpectedConditions.urlContains("/signed-out.xhtml"));
            assertThat(browser.driver.findElement(By.id("signed-out")).getText()).contains("You are signed out");

            browser.driver.get(APP + "/agency/overview.xhtml");
            browser.wait.until(ExpectedConditions.urlContains(TestKeycloak.REALM));
            assertThat(browser.driver.findElements(By.id("username"))).as("Keycloak asks for the login again").isNotEmpty();
        }
    }

    @Test
    void a_student_logs_in_to_their_own_page() {
        try (Browser browser = new Browser()) {
            browser.driver.get(APP + "/");
            browser.logIn("li.na@student.example", TestKeycloak.DEMO_PASSWORD);

            browser.wait.until(ExpectedConditions.urlContains("/student/home.xhtml"));
            assertThat(browser.driver.findElement(By.id("student-name")).getText()).isEqualTo("Li Na");
            assertThat(browser.driver.getPageSource()).contains("Northstar USCE").contains("Dr. Grace Kim");
        }
    }

    @Test
    void an_ajax_request_after_the_session_ended_brings_the_person_back_to_the_login_page() {
        try (Browser browser = new Browser()) {
            browser.driver.get(APP + "/");
            browser.logIn("amara.okafor@student.example", TestKeycloak.DEMO_PASSWORD);
            browser.wait.until(ExpectedConditions.urlContains("/student/home.xhtml"));

            // The server no longer knows this browser's session, as after a timeout. A marker in the page
            // tells whether the page was left: it is gone after any navigation.
            browser.driver.manage().deleteCookieNamed("JSESSIONID");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver;
            js.executeScript("window.lorkitTestMarker = true;");
            browser.driver.findElement(By.id("letters-form:refresh")).click();

            browser.wait.until(driver -> ((JavascriptExecutor) driver).executeScript("return window.lorkitTestMarker === undefined;"));
            browser.wait.until(ExpectedConditions.or(ExpectedConditions.urlContains(TestKeycloak.REALM),
                    ExpectedConditions.presenceOfElementLocated(By.id("student-name"))));
            browser.screenshot("after-session-expiry");
            // The page went through Keycloak's login; with Keycloak's own session still alive it passes
            // straight back to a fresh page, signed in. Nothing is left silently ignoring clicks.
            if (browser.driver.getCurrentUrl().startsWith(TestKeycloak.REALM)) {
                assertThat(browser.driver.findElements(By.id("username"))).isNotEmpty();
            } else {
                assertThat(browser.driver.findElement(By.id("student-name")).getText()).isEqualTo("Amara Okafor");
                assertThat(browser.driver.manage().getCookieNamed("JSESSIONID")).as("a new session").isNotNull();
            }
        }
    }
}
