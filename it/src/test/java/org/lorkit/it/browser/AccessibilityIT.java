package org.lorkit.it.browser;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lorkit.it.support.Axe;
import org.lorkit.it.support.Browser;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.KeycloakRealm;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (WCAG 2.1 A and AA rules) in Chromium on the pages each kind of user lives on: the student's home and kit
 * builder, the staff dashboard and the attending's kit page, on a phone and on a desktop. No serious or critical
 * violation is allowed; moderate and minor ones are not judged here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityIT {
    private static final String APP = "http://localhost:8080";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkitWithTests();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {390, 1280})
    void the_pages_students_staff_and_attendings_use_have_no_serious_accessibility_violations(int width) throws Exception {
        Map<String, List<String>> violations = new LinkedHashMap<>();
        String kitLink = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(APP + "/lorkit-it/fixtures/sent-kit"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();

        try (Browser browser = new Browser()) {
            browser.resize(width, 900);
            browser.open(APP + "/student/home.xhtml");
            browser.logIn("amara.okafor@student.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForVisible(By.id("student-name"));
            violations.put("student home", Axe.seriousViolations(browser));

            browser.open(APP + "/student/kit.xhtml");
            browser.waitForVisible(By.id("cv-form"));
            violations.put("kit builder", Axe.seriousViolations(browser));
        }
        try (Browser browser = new Browser()) {
            browser.resize(width, 900);
            browser.open(APP + "/agency/dashboard.xhtml");
            browser.logIn("staff@bridgeway.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/agency/dashboard.xhtml");
            browser.waitForPresent(By.tagName("main"));
            violations.put("dashboard", Axe.seriousViolations(browser));

            browser.open(kitLink);
            browser.waitForVisible(By.id("kit-title"));
            violations.put("attending kit page", Axe.seriousViolations(browser));
        }

        assertThat(violations).as("serious or critical axe-core violations, by page").allSatisfy((page, found) ->
                assertThat(found).as(page).isEmpty());
    }
}
