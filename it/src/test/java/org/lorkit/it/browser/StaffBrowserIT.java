package org.lorkit.it.browser;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lorkit.it.support.Browser;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.KeycloakRealm;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member's morning: log in, import the sample roster, open the completion dashboard, drill into the
 * students at risk, open one (Chen Wei: his letter is past its deadline) and nudge him. On a desktop, and the
 * dashboard again on a phone.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StaffBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    @Test
    void staff_import_the_sample_open_the_dashboard_drill_into_an_at_risk_student_and_nudge_him() {
        Path sample = Path.of("../web/src/main/webapp/resources/samples/roster-sample.csv").toAbsolutePath().normalize();
        try (Browser browser = new Browser()) {
            browser.resize(1280, 1000);
            browser.open("http://localhost:8080/agency/import.xhtml");
            browser.logIn("staff@bridgeway.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/agency/import.xhtml");

            browser.type(By.id("upload-form:file"), sample.toString());
            browser.click(By.id("upload-form:check"));
            browser.waitForClickable(By.id("result-form:confirm"));
            assertThat(browser.text(By.id("count-new-students"))).isEqualTo("4");
            browser.screenshot("import-preview-1280");
            browser.click(By.id("result-form:confirm"));
            browser.waitForVisible(By.id("stored-message"), Duration.ofSeconds(90));
            browser.screenshot("import-stored-1280");

            browser.open("http://localhost:8080/agency/dashboard.xhtml");
            browser.waitForVisible(By.id("funnel"));
            assertThat(Integer.parseInt(browser.text(By.id("figure-at_risk")))).isPositive();
            browser.click(By.cssSelector(".figure-at_risk a"));
            browser.waitForText(By.id("students-heading"), "Students at risk");
            browser.waitForText(By.id("dashboard:students"), "Chen Wei");
            // Waited for, not read once: the table may still be re-rendered by the drill-down's ajax update.
            browser.waitForText(By.id("dashboard:students"), "past its deadline");
            browser.screenshot("dashboard-1280");

            // The drill-down re-renders the table by ajax: click the link of the table as it stands once it settles.
            browser.click(By.linkText("Chen Wei"));
            browser.waitForText(By.id("student-name"), "Chen Wei");
            browser.click(By.id("nudge-form:send-nudge"));
            browser.waitForText(By.id("messages"), "Nudge sent to Chen Wei");
            browser.waitForText(By.id("notes"), "Nudged by email");
            browser.screenshot("student-follow-up-1280");

            // Erasing needs the student's own email typed: another one erases nothing and says so next to the field.
            browser.type(By.id("erase-form:confirmEmail"), "someone.else@student.example");
            browser.click(By.id("erase-form:erase"));
            browser.waitForText(By.id("erase-form"), "Type the student's email exactly");
            assertThat(browser.text(By.id("student-name"))).isEqualTo("Chen Wei");
            assertThat(browser.attribute(By.id("erase-form:confirmEmail"), "value"))
                    .as("the input is kept").isEqualTo("someone.else@student.example");
            browser.screenshot("student-erase-refused-1280");

            browser.resize(390, 844);
            browser.open("http://localhost:8080/agency/dashboard.xhtml");
            browser.waitForVisible(By.id("funnel"));
            browser.waitForText(By.id("dashboard:students"), "Chen Wei");
            browser.screenshot("dashboard-390");
        }
    }
}
