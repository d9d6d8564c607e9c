package org.lorkit.it.browser;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lorkit.it.support.ApiCalls;
import org.lorkit.it.support.Browser;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.KeycloakRealm;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin makes an API client on the settings page, copies its secret (shown that once), the system signs in with it
 * and reads the API, and the admin revokes it: the list says who did both, and the client can no longer sign in. At a
 * desktop's width and a phone's, where the page does not scroll sideways.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiClientsBrowserIT {
    private static final String APP = "http://localhost:8080";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {1280, 390})
    void an_admin_creates_an_api_client_and_revokes_it(int width) {
        String name = Fixtures.unique("CRM");
        try (Browser browser = new Browser()) {
            browser.resize(width, 900);
            browser.open(APP + "/agency/settings.xhtml");
            browser.logIn("admin@bridgeway.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForVisible(By.id("api-clients-form:api-client-name"));
            browser.type(By.id("api-clients-form:api-client-name"), name);
            browser.click(By.id("api-clients-form:create-api-client"));
            browser.waitForVisible(By.id("new-client-secret"));
            String clientId = browser.text(By.id("new-client-id"));
            String secret = browser.text(By.id("new-client-secret"));
            assertThat(browser.text(By.id("api-clients-form:api-clients"))).contains(name).contains("admin@bridgeway.example");
            assertThat((Long) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                    .as("no sideways scrolling").isLessThanOrEqualTo(0L);
            browser.screenshot("api-client-created-" + width);

            String token = ApiCalls.token(clientId, secret);
            var students = ApiCalls.get("/students", token);
            assertThat(students.statusCode()).isEqualTo(200);
            assertThat(students.body()).as("the client reads Bridgeway's students").contains("@student.example");

            browser.open(APP + "/agency/settings.xhtml");
            assertThat(browser.count(By.id("new-client-secret"))).as("the secret is shown once").isZero();
            By revoke = By.xpath("//tr[contains(., '" + name + "')]//button[contains(@id, 'revoke')]");
            browser.click(revoke);
            browser.waitForVisible(By.cssSelector(".ui-confirmdialog-yes"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitForText(By.id("api-clients-form:api-clients"), "Revoked");
            assertThat(ApiCalls.clientCredentials(clientId, secret).statusCode()).as("no sign-in after revocation").isIn(400, 401);
            assertThat(browser.consoleErrors()).as("console of the settings page").isEmpty();
        }
    }
}
