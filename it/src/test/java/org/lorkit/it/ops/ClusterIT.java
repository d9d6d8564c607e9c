package org.lorkit.it.ops;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lorkit.it.support.Browser;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.ExtraNodes;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.KeycloakRealm;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two LorKit nodes (lorkit-ha.xml: WildFly's own clustering, JGroups over TCP on loopback) share one PostgreSQL
 * database and the tests' Keycloak. A staff member logs in on the node the clustered reminder timer runs on; that
 * node is killed with SIGKILL; the same browser goes on on the other node without logging in again (the session
 * was replicated). Due reminders are sent exactly once, both while the two nodes run (every sweep on one node)
 * and after one died (the other takes the timer over). Runs in the PostgreSQL build (./mvnw verify -Ppostgresql).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClusterIT {
    private static final String NODE1 = "node1";
    private static final String NODE2 = "node2";
    private static final String URL1 = "http://localhost:8380";
    private static final String URL2 = "http://localhost:8480";
    private static final int REMINDERS = 5;
    private static final Pattern SWEEP = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) .*Reminder sweep on (node\\d)");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    @ArquillianResource
    ContainerController controller;
    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NODE1, managed = false, testable = false)
    @TargetsContainer(NODE1)
    static EnterpriseArchive node1() {
        return Deployments.lorkitWithTests();
    }

    @Deployment(name = NODE2, managed = false, testable = false)
    @TargetsContainer(NODE2)
    static EnterpriseArchive node2() {
        return Deployments.lorkitWithTests();
    }

    @Test
    void a_session_survives_the_loss_of_its_node_and_every_due_reminder_is_sent_once_by_the_cluster() throws Exception {
        freshDatabase();
        KeycloakRealm.allowRedirectsTo(URL1, URL2);
        Path base = Path.of(System.getProperty("lorkit.it.cluster.base"));
        ExtraNodes.freshBaseDirectory(base.resolve(NODE1));
        ExtraNodes.freshBaseDirectory(base.resolve(NODE2));
        // One after the other: the second node joins the cluster the first one formed.
        controller.start(NODE1);
        try (Browser browser = new Browser()) {
            deployer.deploy(NODE1);
            controller.start(NODE2);
            deployer.deploy(NODE2);
            LocalDateTime bothRunning = LocalDateTime.now();

            // The node the clustered timer runs on is the one to lose: then both the session and the timer must
            // carry on on the other one.
            String doomed = awaitSweeper(base, bothRunning);
            String survivor = doomed.equals(NODE1) ? NODE2 : NODE1;
            String doomedUrl = doomed.equals(NODE1) ? URL1 : URL2;
            String survivorUrl = doomed.equals(NODE1) ? URL2 : URL1;

            browser.resize(1280, 1000);
            browser.open(doomedUrl + "/agency/dashboard.xhtml");
            browser.logIn("staff@bridgeway.example", KeycloakRealm.DEMO_PASSWORD);
            browser.waitForVisible(By.id("funnel"));
            assertThat(browser.url()).startsWith(doomedUrl);

            List<String> before = dueReminders(doomedUrl);
            awaitKitAndOneReminderEach(before);
            LocalDateTime killedAt = LocalDateTime.now();
            List<String> sweepsWhileBoth = sweeps(base, bothRunning, killedAt);
            ExtraNodes.kill(controller, doomed, doomed.equals(NODE1) ? 300 : 400);

            // The same browser, its session cookie (cookies do not care about ports), the other node: no login page.
            browser.open(survivorUrl + "/agency/dashboard.xhtml");
            browser.waitForVisible(By.id("funnel"));
            assertThat(browser.url()).as("still logged in, on the other node")
                    .startsWith(survivorUrl + "/agency/dashboard.xhtml");
            browser.click(By.cssSelector(".figure-at_risk a"));
            browser.waitForText(By.id("students-heading"), "Students at risk");
            browser.screenshot("cluster-after-failover-1280");

            List<String> after = dueReminders(survivorUrl);
            awaitKitAndOneReminderEach(after);
            Thread.sleep(12_000); // a second sweep tick: anything sent twice would arrive by now
            List<String> sweepsAfter = sweeps(base, killedAt, LocalDateTime.now());

            Set<String> messageIds = new HashSet<>();
            for (String attending : Stream.concat(before.stream(), after.stream()).toList()) {
                List<Inbox.Mail> mails = Inbox.read(attending);
                assertThat(mails).as("mails to " + attending + ": the kit and one reminder").hasSize(2);
                assertThat(mails.stream().filter(m -> m.subject().startsWith("Gentle reminder")).count())
                        .as("reminders to " + attending).isEqualTo(1);
                mails.forEach(m -> assertThat(messageIds.add(header(m))).as("a Message-ID seen twice").isTrue());
            }
            assertThat(sweepsWhileBoth).as("sweeps while both nodes ran: all on one node").isNotEmpty().containsOnly(doomed);
            assertThat(sweepsAfter).as("sweeps after it died: the timer moved to the other node").isNotEmpty().containsOnly(survivor);
            System.out.println("Cluster test: while both nodes ran, " + sweepsWhileBoth.size() + " sweeps, all on " + doomed
                    + "; after it was killed, " + sweepsAfter.size() + " on " + survivor + "; " + (before.size() + after.size())
                    + " reminders each sent once; the session went on on " + survivor + " without a new login");
        } finally {
            stopQuietly(NODE2);
            stopQuietly(NODE1);
        }
    }

    /** Waits for the clustered reminder timer's first sweep after both nodes run, and answers the node it ran on. */
    private static String awaitSweeper(Path base, LocalDateTime since) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> sweeps = sweeps(base, since, LocalDateTime.now());
            if (!sweeps.isEmpty()) {
                return sweeps.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No reminder sweep within 60 s of both nodes running");
    }

    private static String header(Inbox.Mail mail) {
        try {
            return mail.message().getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Kits dated 15 days back on a fresh agency, through the node's test module: a first reminder is due for each. */
    private static List<String> dueReminders(String node) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(node + "/lorkit-it/fixtures/due-reminders?count=" + REMINDERS))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> attendings = Arrays.stream(body.split("\n")).filter(s -> !s.isBlank()).toList();
        assertThat(attendings).as("fixture answer: " + body).hasSize(REMINDERS);
        return attendings;
    }

    private static void awaitKitAndOneReminderEach(List<String> attendings) throws Exception {
        for (String attending : attendings) {
            Inbox.await(attending, 2, Duration.ofSeconds(90));
        }
    }

    /** The nodes whose server log shows a reminder sweep between the two times, one entry per sweep, in time order. */
    private static List<String> sweeps(Path base, LocalDateTime from, LocalDateTime to) throws Exception {
        java.util.TreeMap<LocalDateTime, String> sweeps = new java.util.TreeMap<>();
        for (String node : List.of(NODE1, NODE2)) {
            for (String line : Files.readAllLines(base.resolve(node).resolve("log").resolve("server.log"))) {
                Matcher sweep = SWEEP.matcher(line);
                if (sweep.find()) {
                    LocalDateTime at = LocalDateTime.parse(sweep.group(1), LOG_TIME);
                    if (at.isAfter(from) && at.isBefore(to)) {
                        sweeps.put(at, sweep.group(2));
                    }
                }
            }
        }
        return new ArrayList<>(sweeps.values());
    }

    /** The nodes' own database, created empty for each run (the nodes migrate it and seed the demo agencies). */
    private static void freshDatabase() throws Exception {
        ExtraNodes.freshDatabase(System.getProperty("lorkit.it.cluster.database"));
    }

    private void stopQuietly(String node) {
        try {
            controller.stop(node);
        } catch (RuntimeException ignored) {
            // already down
        }
    }
}
