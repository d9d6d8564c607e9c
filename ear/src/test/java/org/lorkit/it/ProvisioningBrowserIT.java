package org.lorkit.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's and the agency admin's forms, in a real browser: success, and errors next to the field with input kept. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProvisioningBrowserIT {
    private static final String APP = "http://localhost:8080";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    @Test
    void the_operator_creates_an_agency_and_a_taken_slug_is_refused_next_to_the_field() {
        String slug = "sunrise-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = new Browser()) {
            browser.driver.get(APP + "/operator/agencies.xhtml");
            browser.logIn("operator@lorkit.example", TestKeycloak.DEMO_PASSWORD);
            browser.wait.until(ExpectedConditions.urlContains("/operator/agencies.xhtml"));

            browser.driver.findElement(By.id("new-agency:slug")).sendKeys(slug);
            browser.driver.findElement(By.id("new-agency:name")).sendKeys("Sunrise USCE " + slug);
            browser.driver.findElement(By.id("new-agency:create")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("agencies"), slug));

            browser.driver.findElement(By.id("new-agency:slug")).sendKeys("bridgeway");
            browser.driver.findElement(By.id("new-agency:name")).sendKeys("Bridgeway Again");
            browser.driver.findElement(By.id("new-agency:create")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("new-agency"), "already exists"));
            browser.screenshot("operator-slug-taken");
            assertThat(browser.driver.findElement(By.id("new-agency")).getText())
                    .contains("An agency with slug \"bridgeway\" already exists");
            assertThat(browser.driver.findElement(By.id("new-agency:name")).getAttribute("value")).isEqualTo("Bridgeway Again");
        }
    }

    @Test
    void an_agency_admin_invites_a_staff_member() {
        String email = "new-staff-" + UUID.randomUUID().toString().substring(0, 6) + "@bridgeway.example";
        try (Browser browser = new Browser()) {
            browser.driver.get(APP + "/agency/people.xhtml");
            browser.logIn("admin@bridgeway.example", TestKeycloak.DEMO_PASSWORD);
            browser.wait.until(ExpectedConditions.urlContains("/agency/people.xhtml"));
            assertThat(browser.driver.findElement(By.id("members-form:members")).getText()).contains("amara.okafor@student.example")
                    .doesNotContain("northstar");

            browser.driver.findElement(By.id("invite-staff:email")).sendKeys(email);
            browser.driver.findElement(By.id("invite-staff:firstName")).sendKeys("Grace");
            browser.driver.findElement(By.id("invite-staff:lastName")).sendKeys("Hopper");
            browser.driver.findElement(By.id("invite-staff:invite")).click();

            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("members-form:members"), email));
            browser.screenshot("admin-invited-staff");
            assertThat(browser.driver.findElement(By.id("invite-staff")).getText()).contains("Invited " + email);
        }
    }
}
