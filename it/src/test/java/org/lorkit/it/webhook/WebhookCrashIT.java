package org.lorkit.it.webhook;

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
import org.lorkit.domain.webhook.WebhookSignature;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.ExtraNodes;
import org.lorkit.it.support.WebhookReceiver;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guarantee of webhooks, where it is weakest: a node is killed (SIGKILL) while a receiver holds one of its
 * deliveries unanswered. Like OutboxCrashIT, it uses the second WildFly (ports +200, its own H2 file) and its crash
 * hooks: the senders wait while the hold file exists, so that the events are all recorded before any goes. The node
 * is killed while the receiver holds the fifth delivery, and started again; it frees the claims its killed self held
 * and delivers the rest. The receiver then has seen the held event twice, with the same id (it had the body, but
 * LorKit never had its answer: at least once), every other event once, and each event answered 2xx exactly once, in
 * each request's order: what a receiver that drops repeats by event id processes exactly once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookCrashIT {
    private static final String NODE = "crash";
    private static final int REQUESTS = 6;
    private static final int HELD = 5;

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
    void a_delivery_held_when_its_node_is_killed_comes_again_with_its_event_id_and_nothing_else_twice() throws Exception {
        Path hold = Path.of(System.getProperty("lorkit.it.crash.base") + ".hold");
        Files.deleteIfExists(hold);
        ExtraNodes.freshBaseDirectory(Path.of(System.getProperty("lorkit.it.crash.base")));
        String database = System.getProperty("lorkit.it.crash.database", "");
        if (!database.isBlank()) {
            ExtraNodes.freshDatabase(database);
        }
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Files.writeString(hold, "hold"); // the senders wait until every event is recorded
            controller.start(NODE);
            try {
                deployer.deploy(NODE);
                String[] made = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                                        "http://localhost:8280/lorkit-it/fixtures/webhook-events?requests=" + REQUESTS + "&url="
                                                + URLEncoder.encode(receiver.url(), StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(2)).build(),
                        HttpResponse.BodyHandlers.ofString()).body().split("\n");
                String secret = made[0];
                int events = Integer.parseInt(made[1].strip());
                assertThat(secret).startsWith("whsec_");

                receiver.hold(HELD);
                Files.delete(hold);
                WebhookReceiver.Received held = receiver.awaitHeld(Duration.ofSeconds(60));
                ExtraNodes.kill(controller, NODE, 200); // within the sender's 10 s wait for the answer
                receiver.release();
                assertThat(receiver.delivered()).as("delivered before the kill").hasSize(HELD - 1);

                controller.start(NODE); // the deployment comes back from the node's configuration
                receiver.awaitDelivered(events, Duration.ofSeconds(120));
                Thread.sleep(3000); // anything delivered twice would come by now

                String seen = receiver.describe();
                Map<String, Integer> times = receiver.timesById();
                assertThat(times).as("every event came\n" + seen).hasSize(events);
                assertThat(times.get(held.eventId())).as("the held event came again, with the same id\n" + seen).isEqualTo(2);
                assertThat(times.entrySet().stream().filter(e -> !e.getKey().equals(held.eventId())).map(Map.Entry::getValue))
                        .as("every other event once\n" + seen).containsOnly(1);
                List<WebhookReceiver.Received> delivered = receiver.delivered();
                assertThat(delivered).extracting(WebhookReceiver.Received::eventId).as("each event id answered 2xx exactly once\n" + seen)
                        .hasSize(events).doesNotHaveDuplicates();
                Map<Long, List<Long>> order = delivered.stream().collect(Collectors.groupingBy(WebhookReceiver.Received::letterRequestId,
                        Collectors.mapping(WebhookReceiver.Received::sequence, Collectors.toList())));
                assertThat(order).as("each request's events in its order\n" + seen).hasSize(REQUESTS)
                        .allSatisfy((request, sequences) -> assertThat(sequences).containsExactly(1L, 2L, 3L));
                for (WebhookReceiver.Received received : receiver.received()) {
                    long at = Long.parseLong(received.signature().replaceAll("^t=(\\d+),.*$", "$1"));
                    assertThat(WebhookSignature.verify(secret, received.signature(), received.body(), Instant.ofEpochSecond(at),
                            WebhookSignature.TOLERANCE)).as("signed: " + received.body()).isTrue();
                }
                System.out.println("Webhook crash test: " + (HELD - 1) + " of " + events + " delivered before SIGKILL, the held one again "
                        + "after restart, all " + events + " answered once");
            } finally {
                Files.deleteIfExists(hold);
                try {
                    controller.stop(NODE);
                } catch (RuntimeException ignored) {
                    // already down
                }
            }
        }
    }
}
