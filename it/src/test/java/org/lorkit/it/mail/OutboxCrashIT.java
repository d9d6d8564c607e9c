package org.lorkit.it.mail;

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
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.ExtraNodes;
import org.lorkit.it.support.Inbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second WildFly sends kit emails slowly, at the production batch size (10 claimed at a time) and sender count
 * (on PostgreSQL, where several senders claim at once; one on H2); it is killed with SIGKILL in the middle of a batch
 * and started again. Every email then arrives, each exactly once (and no Message-ID twice): each mail is recorded
 * as sent the moment the server accepted it, nothing committed before the kill is lost (the H2 file writes every
 * commit at once), and the restarted node frees the claims its killed self held at once, instead of after the lease.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutboxCrashIT {
    private static final String NODE = "crash";
    private static final int KITS = 24;

    @ArquillianResource
    ContainerController controller;
    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NODE, managed = false, testable = false)
    @TargetsContainer(NODE)
    static EnterpriseArchive node() {
        return Deployments.lorkitWithTests();
    }

    @Test
    void every_due_mail_arrives_exactly_once_after_a_forced_stop_in_the_middle_of_sending() throws Exception {
        java.nio.file.Files.deleteIfExists(Path.of(System.getProperty("lorkit.it.crash.base") + ".hold"));
        ExtraNodes.freshBaseDirectory(Path.of(System.getProperty("lorkit.it.crash.base")));
        String database = System.getProperty("lorkit.it.crash.database", "");
        if (!database.isBlank()) {
            ExtraNodes.freshDatabase(database); // PostgreSQL: the production sender count claims at once
        }
        controller.start(NODE);
        try {
            deployer.deploy(NODE);
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:8280/lorkit-it/fixtures/due-kits?count=" + KITS))
                    .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<String> attendings = Arrays.stream(body.split("\n")).filter(s -> !s.isBlank()).toList();
            assertThat(attendings).hasSize(KITS);

            // Each sender sends one mail, records it, then pauses 0.7 s; the node is killed in the middle of a batch of ten.
            awaitReceived(attendings, 2, Duration.ofSeconds(120));
            // Close the senders' gate, and give each one in the middle of a send time to finish it, record it and
            // pause (0.7 s): then no sender is between the server's acceptance and the record, and the kill tests
            // what a crash between mails does. (A kill inside that window, a few milliseconds per mail, would send
            // that one mail again after the restart: at least once, with the same Message-ID, the most SMTP allows.)
            Path hold = Path.of(System.getProperty("lorkit.it.crash.base") + ".hold");
            java.nio.file.Files.writeString(hold, "hold");
            Thread.sleep(2500);
            ExtraNodes.kill(controller, NODE, 200);
            java.nio.file.Files.delete(hold);
            int before = received(attendings);
            assertThat(before).as("killed in the middle of the batch").isLessThan(KITS);

            controller.start(NODE); // the deployment comes back from the node's configuration
            awaitReceived(attendings, KITS, Duration.ofSeconds(120));
            Thread.sleep(3000); // anything sent twice would arrive by now

            Set<String> messageIds = new HashSet<>();
            for (String attending : attendings) {
                List<Inbox.Mail> mails = Inbox.read(attending);
                assertThat(mails).as("mails to " + attending).hasSize(1);
                assertThat(messageIds.add(mails.get(0).message().getMessageID())).as("a Message-ID seen twice").isTrue();
            }
            System.out.println("Outbox crash test: " + before + " of " + KITS + " sent before SIGKILL, all " + KITS + " exactly once after restart");
        } finally {
            try {
                controller.stop(NODE);
            } catch (RuntimeException ignored) {
                // already down
            }
        }
    }

    private static int received(List<String> attendings) throws Exception {
        int count = 0;
        for (String attending : attendings) {
            count += Inbox.read(attending).isEmpty() ? 0 : 1;
        }
        return count;
    }

    private static void awaitReceived(List<String> attendings, int atLeast, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (received(attendings) < atLeast) {
            assertThat(Instant.now()).as("waiting for " + atLeast + " attendings to receive their kit").isBefore(until);
            Thread.sleep(200);
        }
    }
}
