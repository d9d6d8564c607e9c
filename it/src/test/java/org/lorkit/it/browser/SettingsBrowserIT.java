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
import org.openqa.selenium.Keys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's letter rules on a phone and on a desktop: each number shows its bound in words, and a first reminder
 * sooner than a week after the kit is refused next to its field with what was typed kept. (Only refused: the demo
 * agency's numbers, which other tests read, stay the guides'.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SettingsBrowserIT {
    private static final String APP = "http://localhost:8080";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {390, 1280})
    void a_frantic_first_reminder_is_refused_next_to_its_field(int width) {
        try (Browser browser = new Browser()) {
            browser.resize(width, 900);
            browser.open(APP + "/agency/settings.xhtml");
            browser.logIn("admin@bridgeway.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/agency/settings.xhtml");
            browser.waitForText(By.id("settings:idealLastDays-bound"), "the last 3 to 7 days of the rotation");
            assertThat(browser.text(By.id("settings:firstReminderAfterKitDays-bound")))
                    .isEqualTo("The first reminder goes at least 7 days after the kit, and at most 60: polite, never frantic. Default: 14 days.");
            assertThat(browser.text(By.id("rules-history"))).contains("Changes to the letter rules");
            browser.screenshot("settings-letter-rules-" + width);

            browser.type(By.id("settings:firstReminderAfterKitDays_input"), Keys.chord(Keys.CONTROL, "a"), "3", Keys.TAB);
            browser.click(By.id("settings:save"));
            browser.waitForText(By.id("settings:firstReminderAfterKitDays-message"), "at least 7 days after the kit");
            assertThat(browser.attribute(By.id("settings:firstReminderAfterKitDays_input"), "value")).as("the input is kept").isEqualTo("3");
            assertThat(browser.text(By.id("settings:messages"))).doesNotContain("Settings saved");
            browser.screenshot("settings-first-reminder-refused-" + width);

            assertThat(browser.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("nothing wider than the screen").isEqualTo(true);
        }
    }
}
