package org.lorkit.it.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A webhook receiver for the tests, on a free loopback port (the JDK's own HTTP server): it keeps every request as it
 * came (headers and body), answers with the status the test chooses for the n-th request, and can hold one request
 * unanswered (while a test kills the node that sent it). What it counts is what a receiver that drops repeats by
 * event id would see.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request: its event id and signature headers, its body, the n-th it was (from 1), and what it was answered. */
    public record Received(int number, String eventId, String eventType, String signature, String body, int answered) {
        public boolean delivered() {
            return answered >= 200 && answered < 300;
        }

        /** The body's JSON (inside the server, which has a JSON-P implementation). */
        public jakarta.json.JsonObject json() {
            return jakarta.json.Json.createReader(new StringReader(body)).readObject();
        }

        /** The body's sequence, read without JSON-P (the client-side tests' JVM has none); 0 for the test event. */
        public long sequence() {
            java.util.regex.Matcher found = java.util.regex.Pattern.compile("\"sequence\":(\\d+)").matcher(body);
            return found.find() ? Long.parseLong(found.group(1)) : 0;
        }

        /** The body's letter request id, read as {@link #sequence} is. */
        public long letterRequestId() {
            java.util.regex.Matcher found = java.util.regex.Pattern.compile("\"letterRequest\":\\{\"id\":(\\d+)").matcher(body);
            if (!found.find()) {
                throw new AssertionError("no letter request in " + body);
            }
            return Long.parseLong(found.group(1));
        }
    }

    /** What a held request is marked as answered: the node that sent it died before the answer. */
    public static final int HELD = -1;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile IntUnaryOperator answer = n -> 200;
    private volatile int holdNumber = -1;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        server.createContext("/hook", this::handle);
        server.setExecutor(threads); // a held request must not hold up the others
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException("The test's webhook receiver could not start", e);
        }
    }

    /** Where LorKit should send: http://127.0.0.1:port/hook (allowed by lorkit.webhooks.allow-localhost in the tests). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The status for the n-th request (from 1); 200 unless told otherwise. */
    public void answer(IntUnaryOperator statusOfNth) {
        this.answer = statusOfNth;
    }

    /** Holds the n-th request (from 1) unanswered until {@link #release}. */
    public void hold(int number) {
        this.holdNumber = number;
    }

    /** Waits until the held request has come in; returns it. */
    public Received awaitHeld(Duration timeout) throws InterruptedException {
        if (!held.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("no request to hold came within " + timeout + "; received " + received.size());
        }
        return received.stream().filter(r -> r.answered() == HELD).findFirst().orElseThrow();
    }

    public void release() {
        released.countDown();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests the receiver answered 2xx, in the order they came. */
    public List<Received> delivered() {
        return received.stream().filter(Received::delivered).toList();
    }

    /** How often each event id came, in the order of their first coming. */
    public Map<String, Integer> timesById() {
        Map<String, Integer> times = new LinkedHashMap<>();
        received.forEach(r -> times.merge(r.eventId(), 1, Integer::sum));
        return times;
    }

    /** Waits until this many distinct event ids have been answered 2xx (or the time is up); returns what came. */
    public List<Received> awaitDelivered(int events, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (delivered().stream().map(Received::eventId).distinct().count() < events && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        return received();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int number = count.incrementAndGet();
            String eventId = exchange.getRequestHeaders().getFirst("LorKit-Event-Id");
            String type = exchange.getRequestHeaders().getFirst("LorKit-Event-Type");
            String signature = exchange.getRequestHeaders().getFirst("LorKit-Signature");
            if (number == holdNumber) {
                received.add(new Received(number, eventId, type, signature, body, HELD));
                held.countDown();
                try {
                    released.await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                respond(exchange, 200, "too late"); // to a sender that is gone
                return;
            }
            int status = answer.applyAsInt(number);
            received.add(new Received(number, eventId, type, signature, body, status));
            respond(exchange, status, status < 300 ? "ok" : "Receiver trouble: status " + status);
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) {
        try {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException gone) {
            // the sender is gone (killed): what a real receiver would see too
        }
    }

    /** The requests as lines, for a failing assertion's message. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        for (Received r : received) {
            lines.add(r.number() + " " + r.eventType() + " " + r.eventId() + " -> " + r.answered() + " " + r.body());
        }
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
