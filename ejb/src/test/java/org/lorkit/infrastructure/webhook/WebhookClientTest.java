package org.lorkit.infrastructure.webhook;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** One attempt against a receiver on loopback: what the sender keeps of an answer, and that no receiver can hold it. */
class WebhookClientTest {
    private static final String ALLOW_LOCALHOST = "lorkit.webhooks.allow-localhost";

    private HttpServer receiver;
    private final CountDownLatch released = new CountDownLatch(1);
    private final WebhookClient client = new WebhookClient(Duration.ofSeconds(2), Duration.ofMillis(500));

    @BeforeEach
    void start() throws Exception {
        System.setProperty(ALLOW_LOCALHOST, "true");
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ok", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        // Headers at once, then a few bytes of a body that never ends: a receiver that trickles.
        receiver.createContext("/trickle", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("still".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
    }

    @AfterEach
    void stop() {
        released.countDown();
        receiver.stop(0);
        System.clearProperty(ALLOW_LOCALHOST);
    }

    private URI at(String path) {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + path);
    }

    @Test
    void an_answer_keeps_its_status_and_the_start_of_its_body() throws Exception {
        WebhookClient.Answer answer = client.post(at("/ok"), "{}", Map.of("LorKit-Event-Id", "e-1"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.delivered()).isTrue();
        assertThat(answer.body()).hasSize(WebhookClient.KEPT_BYTES);
    }

    @Test
    void a_receiver_that_sends_its_headers_and_never_finishes_its_body_does_not_hold_the_sender() {
        // Before the answer's wait covered the body too, this read waited for the receiver for ever.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> client.post(at("/trickle"), "{}", Map.of()))
                        .isInstanceOf(WebhookClient.NoAnswer.class)
                        .hasMessageContaining("no answer within"));
    }

    @Test
    void a_closed_port_is_no_answer_with_its_reason() {
        assertThatThrownBy(() -> client.post(URI.create("http://127.0.0.1:9/"), "{}", Map.of()))
                .isInstanceOf(WebhookClient.NoAnswer.class)
                .hasMessageContaining("refused");
    }
}
