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
            browser.open(APP + "/operator/agencies.xhtml");
            browser.logIn("operator@lorkit.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/operator/agencies.xhtml");

            browser.type(By.id("new-agency:slug"), slug);
            browser.type(By.id("new-agency:name"), "Sunrise USCE " + slug);
            browser.click(By.id("new-agency:create"));
            browser.waitForText(By.id("agencies"), slug);

            browser.type(By.id("new-agency:slug"), "bridgeway");
            browser.type(By.id("new-agency:name"), "Bridgeway Again");
            browser.click(By.id("new-agency:create"));
            browser.waitForText(By.id("new-agency"), "already exists");
            browser.screenshot("operator-slug-taken");
            assertThat(browser.text(By.id("new-agency")))
                    .contains("An agency with slug \"bridgeway\" already exists");
            assertThat(browser.attribute(By.id("new-agency:name"), "value")).isEqualTo("Bridgeway Again");
        }
    }

    @Test
    void an_agency_admin_invites_a_staff_member() {
        String email = "new-staff-" + UUID.randomUUID().toString().substring(0, 6) + "@bridgeway.example";
        try (Browser browser = new Browser()) {
            browser.open(APP + "/agency/people.xhtml");
            browser.logIn("admin@bridgeway.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForUrl("/agency/people.xhtml");
            assertThat(browser.text(By.id("members-form:members"))).contains("amara.okafor@student.example")
                    .doesNotContain("northstar");

            browser.type(By.id("invite-staff:email"), email);
            browser.type(By.id("invite-staff:firstName"), "Grace");
            browser.type(By.id("invite-staff:lastName"), "Hopper");
            browser.click(By.id("invite-staff:invite"));

            browser.waitForText(By.id("members-form:members"), email);
            browser.screenshot("admin-invited-staff");
            assertThat(browser.text(By.id("invite-staff"))).contains("Invited " + email);
        }
    }
}
