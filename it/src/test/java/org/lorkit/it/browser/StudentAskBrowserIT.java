package org.lorkit.it.browser;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lorkit.domain.rotation.AskWindow;
import org.lorkit.domain.shared.Labels;
import org.lorkit.it.support.Browser;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.KeycloakRealm;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** A student: the home tells her to ask now, the ask page gives the words, she records the answer LorKit's reading pre-selected. */
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
            browser.open("http://localhost:8080/home.xhtml");
            browser.logIn("amara.okafor@student.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/student/home.xhtml");
            browser.screenshot("student-home");
            assertThat(browser.text(By.id("actions")))
                    .contains("ends in 4 days: this is the ideal time to ask Dr. Anjali Patel");

            browser.click(By.linkText("Prepare the ask"));
            browser.waitForVisible(By.id("in-person"));
            assertThat(browser.text(By.id("in-person"))).contains("strong letter of recommendation");

            browser.click(By.id("answer-form:record"));
            browser.waitForText(By.id("answer-form"), "Choose what they said");
            assertThat(browser.text(By.id("answer-form"))).contains("Choose what they said");

            // LorKit's reading of the words pre-selects its guess; the student records what they heard.
            browser.type(By.id("answer-form:words"), "Of course, send me your materials.");
            browser.waitUntil("the reader's guess pre-selected", () -> browser.count(
                    By.cssSelector("[id='answer-form:heard'] input[value='STRONG_YES']:checked")) == 1);
            browser.click(By.id("answer-form:record"));
            browser.waitForVisible(By.id("answer-form:outcome"));
            browser.screenshot("student-ask-yes");
            assertThat(browser.text(By.id("answer-form:outcome"))).contains("A real yes").contains("Send the kit today");

            browser.open("http://localhost:8080/student/home.xhtml");
            assertThat(browser.text(By.id("actions"))).contains("Dr. Anjali Patel said yes today: send the kit today");
        }
    }

    @Test
    void the_rotation_timeline_then_testing_the_waters_on_a_phone() {
        try (Browser browser = new Browser()) {
            browser.resize(390, 900);
            browser.open("http://localhost:8080/student/rotations.xhtml");
            browser.logIn("amara.okafor@student.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/student/rotations.xhtml");

            browser.click(By.partialLinkText("Internal Medicine at St. Mary"));
            browser.waitForVisible(By.id("rotation-title"));
            assertThat(browser.count(By.cssSelector(".timeline .segment"))).isEqualTo(4);
            assertThat(browser.text(By.id("phase"))).isEqualTo(Labels.of(AskWindow.Phase.IDEAL));
            assertThat(browser.text(By.id("writers")))
                    .contains("Dr. Anjali Patel").contains("1. US attending in your chosen field").contains("24 days");
            browser.screenshot("student-rotation-390");

            browser.click(By.linkText("Test the waters"));
            browser.waitForVisible(By.id("feedback-form:whatTheySaid"));
            browser.click(By.id("feedback-form:check"));
            browser.waitForText(By.id("feedback-form"), "What they said is required");

            browser.type(By.id("feedback-form:whatTheySaid"), "You're doing great, keep this up.");
            browser.click(By.id("feedback-form:check"));
            browser.waitForVisible(By.id("feedback-form:result"));
            browser.scrollIntoView(By.id("feedback-form:result"));
            assertThat(browser.text(By.id("signal"))).isEqualTo("Green light");
            assertThat(browser.text(By.id("history"))).contains("You're doing great, keep this up.");
            browser.screenshot("student-feedback-390");
        }
    }
}
