package org.lorkit.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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
            browser.driver.manage().window().setSize(new Dimension(1280, 1000));
            browser.driver.get("http://localhost:8080/agency/import.xhtml");
            browser.logIn("staff@bridgeway.example", TestKeycloak.DEMO_PASSWORD);
            browser.wait.until(ExpectedConditions.urlContains("/agency/import.xhtml"));

            browser.driver.findElement(By.id("upload-form:file")).sendKeys(sample.toString());
            browser.driver.findElement(By.id("upload-form:check")).click();
            browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("result-form:confirm")));
            assertThat(browser.driver.findElement(By.id("count-new-students")).getText()).isEqualTo("4");
            browser.screenshot("import-preview-1280");
            browser.driver.findElement(By.id("result-form:confirm")).click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(90))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("stored-message")));
            browser.screenshot("import-stored-1280");

            browser.driver.get("http://localhost:8080/agency/dashboard.xhtml");
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("funnel")));
            assertThat(Integer.parseInt(browser.driver.findElement(By.id("figure-at_risk")).getText())).isPositive();
            browser.driver.findElement(By.cssSelector(".figure-at_risk a")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("students-heading"), "Students at risk"));
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dashboard:students"), "Chen Wei"));
            // Waited for, not read once: the table may still be re-rendered by the drill-down's ajax update.
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dashboard:students"), "past its deadline"));
            browser.screenshot("dashboard-1280");

            // The drill-down re-renders the table by ajax: click the link of the table as it stands once it settles.
            browser.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
                driver.findElement(By.linkText("Chen Wei")).click();
                return true;
            });
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("student-name"), "Chen Wei"));
            browser.driver.findElement(By.id("nudge-form:send-nudge")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Nudge sent to Chen Wei"));
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notes"), "Nudged by email"));
            browser.screenshot("student-follow-up-1280");

            // Erasing needs the student's own email typed: another one erases nothing and says so next to the field.
            browser.driver.findElement(By.id("erase-form:confirmEmail")).sendKeys("someone.else@student.example");
            browser.driver.findElement(By.id("erase-form:erase")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("erase-form"), "Type the student's email exactly"));
            assertThat(browser.driver.findElement(By.id("student-name")).getText()).isEqualTo("Chen Wei");
            assertThat(browser.driver.findElement(By.id("erase-form:confirmEmail")).getAttribute("value"))
                    .as("the input is kept").isEqualTo("someone.else@student.example");
            browser.screenshot("student-erase-refused-1280");

            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.driver.get("http://localhost:8080/agency/dashboard.xhtml");
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("funnel")));
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dashboard:students"), "Chen Wei"));
            browser.screenshot("dashboard-390");
        }
    }
}
