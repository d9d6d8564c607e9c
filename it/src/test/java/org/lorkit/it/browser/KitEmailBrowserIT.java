package org.lorkit.it.browser;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lorkit.domain.shared.PersonName;
import org.lorkit.it.support.Browser;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.KeycloakRealm;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, items 6 and 11, in the browser, on a phone and on a desktop: the student opens the kit page, is asked
 * whether they have entered the writer in ERAS (and told why it matters), ticks it, reads the email that will go out
 * in their name, adds a paragraph and a phone, and sends; the writer's "I have uploaded it" then shows on the
 * student's letters as reported by the writer, not received, until the student confirms that ERAS shows it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KitEmailBrowserIT {
    private static final String PARAGRAPH = "Your teaching on rounds made me sure internal medicine is my field.";
    private static final String PHONE = "+1 312 555 0188";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkitWithTests();
    }

    private static String post(HttpClient http, String fixture) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/lorkit-it/fixtures/" + fixture))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {390, 1280})
    void the_student_checks_eras_reads_and_sends_the_email_and_the_writers_upload_waits_for_eras(int width) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String[] made = post(http, "kit-to-send").split("\n");
        assertThat(made).hasSize(3);
        String student = made[0];
        String writerEmail = made[1];
        String writer = made[2];

        try (Browser browser = new Browser()) {
            browser.resize(width, 900);
            browser.open("http://localhost:8080/student/kit.xhtml");
            browser.logIn(student, KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/student/kit.xhtml");

            // The checklist asks about ERAS first, and says what happens without it.
            browser.waitForPresent(By.id("kit-form:writerInEras"));
            assertThat(browser.text(By.id("kit-form:email-box"))).contains("I have entered " + writer + " in ERAS as a letter writer")
                    .contains("ERAS emails the writer the upload link only once you add them; without it they cannot upload");
            assertThat(browser.text(By.id("kit-form:readiness"))).contains("Before it goes out, add:")
                    .contains(writer + " as a letter writer in ERAS");
            assertThat(browser.count(By.id("kit-form:send-kit"))).as("no sending before the ERAS entry").isZero();

            // The email as it will go out, its links as placeholders.
            browser.scrollIntoView(By.id("email-preview"));
            String preview = browser.text(By.id("email-preview"));
            assertThat(preview).contains("To: " + writerEmail).contains("Replies go to: " + student)
                    .contains("Subject: Letter of recommendation request – Amara Okafor").contains("Dear " + PersonName.doctor(writer) + ",")
                    .contains("[link to your kit]").contains("[link to confirm they will write it]").doesNotContain("?t=")
                    .contains("With thanks,\nAmara Okafor\n" + student);
            browser.screenshot("kit-email-preview-" + width);

            browser.click(By.cssSelector("[id='kit-form:writerInEras'] .ui-chkbox-box"));
            browser.waitForText(By.id("kit-form:readiness"), "Ready to send");

            browser.type(By.id("kit-form:personalParagraph"), PARAGRAPH);
            browser.type(By.id("kit-form:phone"), PHONE);
            browser.click(By.id("kit-form:save-email"));
            browser.waitForText(By.id("email-text"), PARAGRAPH);
            assertThat(browser.text(By.id("email-text"))).contains("With thanks,\nAmara Okafor\n" + student + "\n" + PHONE);
            assertThat(browser.attribute(By.cssSelector("[id='kit-form:writerInEras_input']"), "checked")).as("the tick is kept").isNotNull();
            browser.scrollIntoView(By.id("email-preview"));
            browser.screenshot("kit-email-with-paragraph-" + width);

            browser.click(By.id("kit-form:send-kit"));
            browser.waitForVisible(By.cssSelector(".ui-confirmdialog-yes"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.waitForText(By.id("messages"), "The kit is on its way to " + writer);

            // The email that arrives carries the paragraph and the signature.
            post(http, "send-outbox");
            List<Inbox.Mail> received = Inbox.await(writerEmail, 1, Duration.ofSeconds(30));
            assertThat(received).hasSize(1);
            String text = received.get(0).text().replace("\r\n", "\n");
            assertThat(text).contains(PARAGRAPH).contains("With thanks,\nAmara Okafor\n" + student + "\n" + PHONE + "\n");
            Matcher kitLink = Fixtures.KIT_LINK.matcher(text);
            assertThat(kitLink.find()).isTrue();

            // The writer says it is uploaded: thanked, no more reminders, and the kit stays with them.
            browser.open(kitLink.group());
            browser.waitForVisible(By.id("answers:uploaded"));
            browser.click(By.id("answers:uploaded"));
            browser.waitForText(By.id("answers"), "You reported the letter uploaded to ERAS. Thank you: no more reminders will come.");
            assertThat(browser.count(By.id("answers:decline"))).isZero();
            browser.screenshot("writer-uploaded-" + width);

            // On the student's letters: reported by the writer, not yet received in ERAS.
            browser.open("http://localhost:8080/student/letters.xhtml");
            browser.waitForPresent(By.id("goal-secured"));
            assertThat(browser.text(By.id("goal-secured"))).startsWith("0 received in ERAS, 1 on their way");
            assertThat(browser.text(By.id("letters-form"))).contains("Reported by the writer: " + writer + " says the letter was uploaded today.");
            assertThat(browser.count(By.cssSelector("button.writer-uploaded"))).as("the writer has said it already").isZero();
            browser.screenshot("letters-reported-by-writer-" + width);

            browser.click(By.cssSelector("button.received"));
            browser.waitForText(By.id("goal-secured"), "1 received in ERAS");
            assertThat(browser.text(By.id("letters-form"))).contains("Received in ERAS, and " + writer + " confirms the upload");
            assertThat(browser.count(By.cssSelector("button.received"))).isZero();
            browser.screenshot("letters-received-" + width);
        }
    }
}
