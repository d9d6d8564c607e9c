package org.lorkit.it.ops;

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

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keycloak stops (it is really stopped, then started again on the same database): staff already signed in keep
 * working, through plain pages and AJAX, and an attending opens the kit and answers; LorKit needs Keycloak only to
 * sign someone in, to refresh a login (every 5 minutes) and to invite. Someone signing in meanwhile gets LorKit's
 * "Sign-in is unavailable for a moment" page instead of a browser error. Keycloak comes back with every login intact.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeycloakOutageIT {
    private static final String APP = "http://localhost:8080";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkitWithTests();
    }

    @Test
    void signed_in_staff_and_attendings_keep_working_while_keycloak_is_down() throws Exception {
        String kitLink = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(APP + "/lorkit-it/fixtures/sent-kit"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();

        try (Browser staff = new Browser(); Browser attending = new Browser(); Browser newcomer = new Browser()) {
            staff.resize(1280, 900);
            staff.open(APP + "/agency/dashboard.xhtml");
            staff.logIn("staff@bridgeway.example", KeycloakRealm.DEMO_PASSWORD);
            staff.waitForVisible(By.id("standing-heading"));

            keycloak("stop", System.getProperty("lorkit.it.keycloak.state"));
            try {
                assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("localhost", 8180), 1000))
                        .as("Keycloak is down").isInstanceOf(ConnectException.class);

                // Staff: a page, another page, and an AJAX drill into the students behind a figure
                staff.open(APP + "/agency/cohorts.xhtml");
                staff.waitForUrl("/agency/cohorts.xhtml");
                assertThat(staff.text(By.tagName("main"))).contains("Cohorts");
                staff.open(APP + "/agency/dashboard.xhtml");
                staff.click(By.cssSelector(".figure-card a"));
                staff.waitForVisible(By.id("students-heading"));
                assertThat(staff.url()).startsWith(APP);

                // An attending: the kit from the email, and an answer
                attending.open(kitLink);
                attending.waitForVisible(By.id("kit-title"));
                attending.click(By.id("answers:confirm"));
                attending.waitForText(By.id("answers"), "You confirmed that you will write the letter. Thank you.");

                // Someone not signed in yet: LorKit's own page, not the browser's connection error at Keycloak
                newcomer.open(APP + "/student/home.xhtml");
                newcomer.waitForVisible(By.id("sign-in-unavailable"));
                assertThat(newcomer.url()).isEqualTo(APP + "/sign-in-unavailable.xhtml");
                assertThat(newcomer.text(By.tagName("h1"))).isEqualTo("Sign-in is unavailable for a moment");
                HttpResponse<String> unavailable = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(APP + "/agency/dashboard.xhtml"))
                        .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
                assertThat(unavailable.statusCode()).as("a new sign-in is sent to LorKit's page").isEqualTo(303);
                assertThat(unavailable.headers().firstValue("Location")).contains("/sign-in-unavailable.xhtml");
                HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(APP + "/sign-in-unavailable.xhtml"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.headers().firstValue("Retry-After")).contains("60");
            } finally {
                // The same files as the build's start, so Keycloak keeps its database (and the demo logins).
                keycloak("start", System.getProperty("lorkit.it.keycloak.home"), System.getProperty("lorkit.it.keycloak.state"),
                        System.getProperty("lorkit.it.keycloak.realm"), "--demo", System.getProperty("lorkit.it.keycloak.demo"));
            }
        }
        assertThat(KeycloakRealm.page("/agency/dashboard.xhtml", "staff@bridgeway.example").statusCode())
                .as("after Keycloak is back, a new login works").isEqualTo(200);
        try (Browser newcomer = new Browser()) {
            // LorKit asks Keycloak again at most every 5 s: within a few seconds sign-ins go to Keycloak's form again
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            do {
                newcomer.open(APP + "/student/home.xhtml");
            } while (!newcomer.url().startsWith("http://localhost:8180/") && System.nanoTime() < until && pause());
            assertThat(newcomer.url()).as("a new sign-in goes to Keycloak again").startsWith("http://localhost:8180/realms/lorkit/");
            assertThat(newcomer.count(By.id("username"))).as("Keycloak's sign-in form").isPositive();
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(1000);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The build's own script: the same Keycloak, stopped and started on the database it had. */
    private static void keycloak(String... arguments) throws Exception {
        String[] command = new String[arguments.length + 2];
        command[0] = "bash";
        command[1] = System.getProperty("lorkit.it.keycloak.script");
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("keycloak " + arguments[0]).isTrue();
        assertThat(process.exitValue()).as("keycloak " + arguments[0] + ": " + output).isZero();
    }
}
