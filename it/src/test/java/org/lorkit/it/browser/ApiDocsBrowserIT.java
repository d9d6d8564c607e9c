package org.lorkit.it.browser;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lorkit.it.support.Browser;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.KeycloakRealm;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's documentation as staff read it: Swagger UI at /api-docs/ shows every operation of the OpenAPI document,
 * under its own Content-Security-Policy (scripts only from LorKit, none inline) without a single refusal in the console,
 * at a desktop's width and a phone's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiDocsBrowserIT {
    private static final String APP = "http://localhost:8080";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void staff_read_the_api_in_swagger_ui_under_a_strict_script_policy(int width) {
        try (Browser browser = new Browser()) {
            browser.resize(width, 900);
            browser.open(APP + "/api-docs/");
            browser.logIn("staff@bridgeway.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/api-docs/");
            browser.waitForVisible(By.cssSelector(".opblock-summary-path"));
            assertThat(browser.text(By.id("swagger-ui"))).contains("LorKit API").contains("/api/v1/students")
                    .contains("/api/v1/letter-requests/{id}").contains("/api/v1/cohorts/{id}/dashboard");
            // A refusal of the Content-Security-Policy is a console error too.
            assertThat(browser.consoleErrors()).as("console of /api-docs/").isEmpty();
            browser.screenshot("api-docs-" + width);
        }
    }
}
