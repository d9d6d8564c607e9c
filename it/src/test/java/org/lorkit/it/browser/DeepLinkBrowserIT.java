package org.lorkit.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lorkit.it.support.Browser;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.KeycloakRealm;
import org.openqa.selenium.By;

/**
 * A bookmarked or emailed address lands where it pointed after sign-in, query and all: one person of each role opens
 * a deep link while signed out, signs in on Keycloak's form, and is on that page (not on "Student not found", not on
 * their start page). The address is taken from the page that links to it, as a person would copy it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeepLinkBrowserIT {
    private static final String APP = "http://localhost:8080";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void staff_land_on_the_student_a_link_points_at(int width) {
        Target target = linkedFrom("staff@bridgeway.example", "/agency/dashboard.xhtml", "a.student-link", width);
        assertThat(target.url()).contains("/agency/student.xhtml?id=");
        arriveSignedOut("staff@bridgeway.example", target, width, By.id("student-name"));
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void an_admin_lands_on_the_cohort_a_link_points_at(int width) {
        Target target = linkedFrom("admin@bridgeway.example", "/agency/cohorts.xhtml", "a[href*='dashboard.xhtml?cohort=']", width);
        arriveSignedOut("admin@bridgeway.example", target, width, By.cssSelector("[aria-current='page']"));
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void a_student_lands_on_the_rotation_a_link_points_at(int width) {
        Target target = linkedFrom("amara.okafor@student.example", "/student/rotations.xhtml", "a[href*='rotation.xhtml?id=']", width);
        arriveSignedOut("amara.okafor@student.example", target, width, By.id("rotation-title"));
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void the_operator_lands_on_the_page_they_opened(int width) {
        Target target = new Target(APP + "/operator/agencies.xhtml?from=bookmark", null);
        arriveSignedOut("operator@lorkit.example", target, width, By.tagName("h1"));
    }

    /** Where a link on {@code page} points, and what that page says in {@code landmark}, as its person sees it. */
    private static Target linkedFrom(String user, String page, String linkSelector, int width) {
        try (Browser browser = new Browser()) {
            browser.resize(width, 900);
            browser.open(APP + page);
            browser.logIn(user, KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl(page);
            String url = browser.attribute(By.cssSelector(linkSelector), "href");
            return new Target(url, browser.attribute(By.cssSelector(linkSelector), "textContent").trim());
        }
    }

    private static void arriveSignedOut(String user, Target target, int width, By landmark) {
        try (Browser browser = new Browser()) {
            browser.resize(width, 900);
            browser.open(target.url());
            browser.waitForUrl(KeycloakRealm.REALM);
            browser.logIn(user, KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl(APP);
            browser.waitForPresent(landmark);
            assertThat(browser.url()).as("back where the link pointed, query included").isEqualTo(target.url());
            if (target.linkText() != null) {
                assertThat(browser.text(landmark)).as("the page the link named").contains(target.linkText());
            }
            assertThat(browser.pageSource()).doesNotContain("not found");
            browser.screenshot("deep-link-" + user.substring(0, user.indexOf('@')) + "-" + width);
        }
    }

    private record Target(String url, String linkText) {
    }
}
