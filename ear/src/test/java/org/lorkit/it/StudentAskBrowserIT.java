package org.lorkit.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** A student on a phone: the home tells her to ask now, the ask page gives the words, the answer is read. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StudentAskBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    @Test
    void from_the_home_page_to_a_recorded_yes() {
        try (Browser browser = new Browser()) {
            browser.driver.get("http://localhost:8080/");
            browser.logIn("amara.okafor@student.example", TestKeycloak.DEMO_PASSWORD);
            browser.wait.until(ExpectedConditions.urlContains("/student/home.xhtml"));
            browser.screenshot("student-home");
            assertThat(browser.driver.findElement(By.id("actions")).getText())
                    .contains("ends in 4 days: this is the ideal time to ask Dr. Anjali Patel");

            browser.driver.findElement(By.linkText("Prepare the ask")).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("in-person")));
            assertThat(browser.driver.findElement(By.id("in-person")).getText()).contains("strong letter of recommendation");

            browser.driver.findElement(By.id("answer-form:record")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("answer-form"), "What they said is required"));
            assertThat(browser.driver.findElement(By.id("answer-form")).getText()).contains("What they said is required");

            browser.driver.findElement(By.id("answer-form:answer")).sendKeys("Of course, send me your materials.");
            browser.driver.findElement(By.id("answer-form:record")).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer-form:outcome")));
            browser.screenshot("student-ask-yes");
            assertThat(browser.driver.findElement(By.id("answer-form:outcome")).getText()).contains("A real yes").contains("Send the kit today");

            browser.driver.get("http://localhost:8080/student/home.xhtml");
            assertThat(browser.driver.findElement(By.id("actions")).getText()).contains("Dr. Anjali Patel said yes today: send the kit today");
        }
    }

    @Test
    void the_rotation_timeline_then_testing_the_waters_on_a_phone() {
        try (Browser browser = new Browser()) {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 900));
            browser.driver.get("http://localhost:8080/student/rotations.xhtml");
            browser.logIn("amara.okafor@student.example", TestKeycloak.DEMO_PASSWORD);
            browser.wait.until(ExpectedConditions.urlContains("/student/rotations.xhtml"));

            browser.driver.findElement(By.partialLinkText("Internal Medicine at St. Mary")).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rotation-title")));
            assertThat(browser.driver.findElements(By.cssSelector(".timeline .segment"))).hasSize(4);
            assertThat(browser.driver.findElement(By.id("phase")).getText()).isEqualTo("IDEAL");
            assertThat(browser.driver.findElement(By.id("writers")).getText())
                    .contains("Dr. Anjali Patel").contains("1. US attending in your chosen field").contains("24 days");
            browser.screenshot("student-rotation-390");

            browser.driver.findElement(By.linkText("Test the waters")).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-form:whatTheySaid")));
            browser.driver.findElement(By.id("feedback-form:check")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("feedback-form"), "What they said is required"));

            browser.driver.findElement(By.id("feedback-form:whatTheySaid")).sendKeys("You're doing great, keep this up.");
            browser.driver.findElement(By.id("feedback-form:check")).click();
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("feedback-form:result")));
            var result = browser.driver.findElement(By.id("feedback-form:result"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView();", result);
            assertThat(browser.driver.findElement(By.id("signal")).getText()).isEqualTo("Green light");
            assertThat(browser.driver.findElement(By.id("history")).getText()).contains("You're doing great, keep this up.");
            browser.screenshot("student-feedback-390");
        }
    }
}
