package org.lorkit.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the test server's management interface (port 9990) says about itself: readiness and liveness (MicroProfile
 * Health's JSON) and the meters in Prometheus' text format, as a load balancer and a scraper read them.
 */
public final class ManagementPort {
    public static final String BASE = "http://localhost:9990";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** One sample line: name, optional {labels}, value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ManagementPort() {
    }

    /** An answer: its HTTP status and body. */
    public record Answer(int status, String body) {
    }

    /** Readiness or liveness as read: the HTTP status and the checks by name. */
    public record Health(int status, JsonObject json) {
        public String overall() {
            return json.getString("status");
        }

        /** The named check, or null when readiness has no such check. */
        public JsonObject check(String name) {
            return json.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                    .filter(check -> name.equals(check.getString("name"))).findFirst().orElse(null);
        }

        /** How many checks of that name readiness lists (a check shown twice would be counted twice). */
        public long count(String name) {
            return json.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                    .filter(check -> name.equals(check.getString("name"))).count();
        }

        public String statusOf(String name) {
            JsonObject check = check(name);
            return check == null ? "missing" : check.getString("status");
        }

        @Override
        public String toString() {
            return status + " " + json;
        }
    }

    public static Answer get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + BASE + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Health ready() {
        return health("/health/ready");
    }

    public static Health live() {
        return health("/health/live");
    }

    private static Health health(String path) {
        Answer answer = get(path);
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return new Health(answer.status(), reader.readObject());
        }
    }

    public static String metrics() {
        Answer answer = get("/metrics");
        if (answer.status() != 200) {
            throw new IllegalStateException("GET /metrics answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** The value of the first sample of that name whose labels include these; empty when there is none. */
    public static OptionalDouble sample(String metrics, String name, Map<String, String> labels) {
        for (String line : metrics.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> found = new java.util.HashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    found.put(label.group(1), label.group(2));
                }
            }
            if (found.entrySet().containsAll(labels.entrySet())) {
                return OptionalDouble.of(Double.parseDouble(sample.group(3)));
            }
        }
        return OptionalDouble.empty();
    }

    /** The lines of the metrics text that are samples of one of these names (for a test's printout). */
    public static String lines(String metrics, String... names) {
        StringBuilder kept = new StringBuilder();
        for (String line : metrics.split("\n")) {
            for (String name : names) {
                if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                    kept.append(line).append('\n');
                }
            }
        }
        return kept.toString();
    }

    /** Reads again until the reading satisfies the condition or the time is up; returns the last reading either way. */
    public static <T> T awaitUntil(Supplier<T> read, Predicate<T> condition, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        T reading = read.get();
        while (!condition.test(reading) && System.nanoTime() < until) {
            Thread.sleep(250);
            reading = read.get();
        }
        return reading;
    }
}
