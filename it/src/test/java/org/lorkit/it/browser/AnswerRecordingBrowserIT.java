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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recording the answer, on a phone: the student types what the attending said, LorKit pre-selects its guess ("maybe, if
 * I have time"), the student records it and reads it as a polite no; then, on their letters, corrects it to a yes to a
 * strong letter with a reason, confirms, and finds the correction in the history. Staff, on a wide screen, see the
 * answer and the correction on the student's page and correct it again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AnswerRecordingBrowserIT {
    private static final String APP = "http://localhost:8080";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkitWithTests();
    }

    private static By label(String form, String text) {
        return By.xpath("//form[@id='" + form + "']//label[normalize-space()='" + text + "']");
    }

    private static By checked(String radio, String value) {
        return By.cssSelector("[id='" + radio + "'] input[value='" + value + "']:checked");
    }

    @Test
    void a_polite_no_recorded_from_the_readers_guess_then_corrected_to_a_strong_yes_with_a_reason() throws Exception {
        String[] fixture = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(APP + "/lorkit-it/fixtures/answering-student"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body().split("\n");
        String studentEmail = fixture[0];
        String staffEmail = fixture[1];
        String studentId = fixture[2];
        String attending = fixture[3];

        try (Browser browser = new Browser()) {
            browser.resize(390, 900);
            browser.open(APP + "/student/ask.xhtml");
            browser.logIn(studentEmail, KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/student/ask.xhtml");
            browser.waitForVisible(By.id("answer-form:words"));

            // Nothing chosen: the answer is refused next to the choice, and nothing is recorded.
            browser.click(By.id("answer-form:record"));
            browser.waitForText(By.id("answer-form"), "Choose what they said");

            browser.type(By.id("answer-form:words"), "Maybe, if I have time next month.");
            browser.waitUntil("the reader's guess pre-selected", () -> browser.count(checked("answer-form:heard", "MAYBE_IF_TIME")) == 1);
            assertThat(browser.text(By.id("guess"))).contains("LorKit guesses: \"Maybe, if I have time\"");
            browser.screenshot("ask-answer-guess-390");

            browser.click(By.id("answer-form:record"));
            browser.waitForVisible(By.id("answer-form:outcome"));
            assertThat(browser.text(By.id("answer-form:outcome"))).contains("A polite no").contains("correct it");

            browser.open(APP + "/student/letters.xhtml");
            browser.waitForVisible(By.id("letters-form"));
            assertThat(browser.text(By.id("letters-form"))).contains("Their answer: \"Maybe, if I have time\"")
                    .contains("Maybe, if I have time next month.");
            browser.click(By.cssSelector("#letters-form a.correct-answer"));
            browser.waitForVisible(By.id("correct-form"));
            assertThat(browser.text(By.id("correct-heading"))).isEqualTo("Correct the answer of " + attending);

            // Without a reason, the form says so next to the field and keeps the choice.
            browser.click(label("correct-form", "Yes to a strong letter"));
            browser.waitForText(By.id("correct-form:consequence"), "The request becomes a real yes");
            browser.click(By.id("correct-form:review"));
            browser.waitForText(By.id("correct-form"), "Say why the answer is corrected");
            assertThat(browser.count(checked("correct-form:heard", "STRONG_YES"))).isEqualTo(1);

            browser.type(By.id("correct-form:reason"), "I chose the wrong answer: she said yes to a strong letter.");
            browser.click(By.id("correct-form:review"));
            browser.waitForVisible(By.id("correct-form:confirm-correct"));
            assertThat(browser.text(By.id("confirm-text"))).contains("\"Maybe, if I have time\"").contains("Yes to a strong letter");
            browser.screenshot("answer-correction-confirm-390");
            browser.click(By.id("correct-form:confirm-correct"));
            browser.waitForText(By.id("messages"), "Answer corrected");

            browser.click(By.cssSelector("#letters-form details summary"));
            browser.waitForText(By.id("letters-form"), "answer corrected from \"maybe, if I have time\" to yes to a strong letter");
            assertThat(browser.text(By.id("letters-form"))).contains("Their answer: Yes to a strong letter")
                    .contains("I chose the wrong answer: she said yes to a strong letter.");
            browser.resize(1280, 900);
            browser.screenshot("letters-answer-corrected-1280");
        }

        try (Browser browser = new Browser()) {
            browser.resize(1280, 900);
            // The sign-in drops the query string of the page that asked for it: sign in first, then open the student.
            browser.open(APP + "/agency/dashboard.xhtml");
            browser.logIn(staffEmail, KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/agency/dashboard.xhtml");
            browser.open(APP + "/agency/student.xhtml?id=" + studentId);
            browser.waitForVisible(By.id("letters"));
            assertThat(browser.text(By.id("letters"))).contains("Their answer, as the student heard it: Yes to a strong letter")
                    .contains("answer corrected from \"maybe, if I have time\" to yes to a strong letter");

            browser.click(By.cssSelector("#letters a.correct-answer"));
            browser.waitForVisible(By.id("correct-form"));
            browser.click(label("correct-form", "\"It would be more factual than strong\""));
            browser.waitForText(By.id("correct-form:consequence"), "The request closes");
            browser.type(By.id("correct-form:reason"), "The attending told us it would be more factual than strong.");
            browser.click(By.id("correct-form:review"));
            browser.click(By.id("correct-form:confirm-correct"));
            browser.waitForText(By.id("messages"), "Answer corrected");
            browser.waitForText(By.id("letters"), "answer corrected by the agency from yes to a strong letter to \"more factual than strong\"");
            browser.screenshot("staff-answer-corrected-1280");
            browser.resize(390, 900);
            browser.screenshot("staff-answer-corrected-390");
        }
    }
}
