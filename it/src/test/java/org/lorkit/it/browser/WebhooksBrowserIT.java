package org.lorkit.it.browser;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's webhooks on a phone and on a desktop: a plain-http address is refused next to its field with what was
 * typed kept; an endpoint is added and its secret shown once (gone once copied, and from the page after a reload); a
 * test event shows in the delivery log; the endpoint is deleted after a confirmation. (The endpoint is a closed port
 * on loopback, which the tests' server allows, and is deleted at the end: the demo agency keeps none.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhooksBrowserIT {
    private static final String APP = "http://localhost:8080";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {390, 1280})
    void an_admin_adds_an_endpoint_sees_its_secret_once_tests_it_and_deletes_it(int width) {
        String url = "http://127.0.0.1:9/browser-" + width;
        try (Browser browser = new Browser()) {
            browser.resize(width, 900);
            browser.open(APP + "/agency/overview.xhtml");
            browser.logIn("admin@bridgeway.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/agency/overview.xhtml");
            browser.click(By.id("webhooks-link"));
            browser.waitForUrl("/agency/webhooks.xhtml");
            browser.waitForText(By.id("endpoints:no-endpoints"), "No endpoint yet");

            browser.type(By.id("add-endpoint:url"), "http://hooks.example.org/lorkit");
            browser.click(By.id("add-endpoint:add"));
            browser.waitForText(By.id("add-endpoint:url-message"), "HTTPS only");
            assertThat(browser.attribute(By.id("add-endpoint:url"), "value")).as("the input is kept").isEqualTo("http://hooks.example.org/lorkit");
            browser.screenshot("webhooks-refused-" + width);

            browser.clear(By.id("add-endpoint:url"));
            browser.type(By.id("add-endpoint:url"), url);
            browser.click(By.id("add-endpoint:add"));
            browser.waitForText(By.id("new-secret"), "whsec_");
            String secret = browser.text(By.id("new-secret"));
            assertThat(browser.text(By.id("endpoints"))).contains(url, "Enabled", "Secret " + secret.substring(0, 10) + "…");
            assertThat(browser.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("nothing wider than the screen").isEqualTo(true);
            browser.screenshot("webhooks-secret-once-" + width);
            browser.click(By.id("secret:copied"));
            browser.waitUntil("the secret leaves the page", () -> browser.count(By.id("new-secret")) == 0);
            browser.refresh();
            browser.waitForText(By.id("endpoints"), url);
            assertThat(browser.pageSource()).as("shown once, never again").doesNotContain(secret);

            browser.click(By.id("endpoints:list:0:test"));
            browser.waitForText(By.id("endpoints:messages"), "A test event to " + url + " is on its way");
            browser.click(By.id("log-link"));
            browser.waitForUrl("/agency/webhook-log.xhtml");
            browser.waitForText(By.id("log-form:log"), "Test event");
            assertThat(browser.text(By.id("log-form:log"))).contains(url);
            assertThat(browser.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("nothing wider than the screen").isEqualTo(true);
            browser.screenshot("webhook-log-" + width);

            browser.click(By.id("webhooks-link"));
            browser.waitForUrl("/agency/webhooks.xhtml");
            browser.click(By.id("endpoints:list:0:delete"));
            browser.waitForVisible(By.cssSelector(".ui-confirmdialog-yes"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitForText(By.id("endpoints:messages"), url + " is deleted");
            browser.waitForText(By.id("endpoints:no-endpoints"), "No endpoint yet");
        }
    }
}
