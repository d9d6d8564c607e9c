package org.lorkit.it.browser;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lorkit.domain.shared.Dates;
import org.lorkit.it.support.Browser;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.KeycloakRealm;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attending replied that another date suits them better: the student moves the sent kit's deadline on the letters
 * page (a date too far is refused next to the field, the input kept), then sees the new deadline and the history
 * entry; and sets their own planned submit date. On a phone and on a desktop.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StudentDeadlineBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkitWithTests();
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {390, 1280})
    void the_student_moves_a_sent_kits_deadline_and_sees_it_and_the_history_entry(int width) throws Exception {
        String[] fixture = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:8080/lorkit-it/fixtures/student-with-sent-kit")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).body().split("\n");
        String student = fixture[0];
        String attending = fixture[1];
        LocalDate today = LocalDate.now(Fixtures.AGENCY_ZONE);
        LocalDate moved = today.plusDays(35);

        try (Browser browser = new Browser()) {
            browser.resize(width, 900);
            browser.open("http://localhost:8080/student/letters.xhtml");
            browser.logIn(student, KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/student/letters.xhtml");
            browser.waitForText(By.id("letters-form"), attending);

            browser.click(By.cssSelector("#letters-form button.change-deadline"));
            browser.waitForVisible(By.id("deadline-form:deadline_input"));
            assertThat(browser.text(By.id("deadline-form"))).contains(attending + "'s deadline is")
                    .contains(Dates.INPUT_HINT + "; " + Dates.day(today.plusDays(7)) + " to " + Dates.day(today.plusDays(42)));

            // Seven weeks out: refused next to the field, and what was typed stays.
            String tooFar = Dates.day(today.plusDays(49));
            browser.type(By.id("deadline-form:deadline_input"), Keys.chord(Keys.CONTROL, "a"), tooFar, Keys.TAB);
            browser.click(By.id("deadline-form:save-deadline"));
            browser.waitForText(By.id("deadline-form"), "Keep the deadline within six weeks, by " + Dates.day(today.plusDays(42)));
            assertThat(browser.attribute(By.id("deadline-form:deadline_input"), "value")).isEqualTo(tooFar);
            browser.screenshot("deadline-refused-" + width);

            browser.type(By.id("deadline-form:deadline_input"), Keys.chord(Keys.CONTROL, "a"), Dates.day(moved), Keys.TAB);
            browser.click(By.id("deadline-form:save-deadline"));
            browser.waitForText(By.id("messages"), "Deadline moved to " + Dates.day(moved) + ": " + attending
                    + " gets a short email with the new date");
            browser.waitForText(By.id("letters-form"), "deadline " + Dates.day(moved));

            browser.click(By.cssSelector("#letters-form details summary"));
            browser.waitForText(By.cssSelector("#letters-form .history"), "deadline moved from ");
            assertThat(browser.text(By.cssSelector("#letters-form .history"))).contains(" to " + Dates.day(moved));
            browser.screenshot("deadline-moved-" + width);

            // The student's own submit date: a past one is refused next to the field; a later one is kept.
            browser.type(By.id("submit-form:plannedSubmitOn_input"), Keys.chord(Keys.CONTROL, "a"), Dates.day(today.minusDays(1)), Keys.TAB);
            browser.click(By.id("submit-form:save-submit"));
            browser.waitForText(By.id("submit-form"), "The submit date cannot be in the past");
            // Allowed: not in the past, and not before the cohort's ERAS opens to applicants.
            LocalDate ownSubmit = java.util.Collections.max(List.of(today.plusDays(60), Fixtures.COHORT_ERAS_OPENS.plusDays(1)));
            browser.type(By.id("submit-form:plannedSubmitOn_input"), Keys.chord(Keys.CONTROL, "a"), Dates.day(ownSubmit), Keys.TAB);
            browser.click(By.id("submit-form:save-submit"));
            browser.waitForText(By.id("submit-now"), "You plan to certify and submit your ERAS application on " + Dates.day(ownSubmit));
            browser.screenshot("submit-date-" + width);
        }
    }
}
