package org.lorkit.perf.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every request's response time (as Gatling measured it: from sending the request to the last byte of the
 * response) and whether it failed, by request name; exact percentiles (nearest rank) from all the samples.
 */
public final class LoadStats {
    /** How many failures are described in the report, to tell what went wrong without reading Gatling's logs. */
    private static final int FAILURES_KEPT = 20;

    private final Map<String, Series> series = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong failureCount = new AtomicLong();
    private volatile long firstNanos;
    private volatile long lastNanos;

    /**
     * One request's outcome.
     *
     * @param millis  its response time, or negative when no response came (connection refused, timeout)
     * @param status  its HTTP status, or null without a response
     * @param ok      whether every check passed (status 200 and the page's own content)
     * @param context what else a failure's line says (the bearer token's age), or ""
     */
    void record(String name, long millis, Integer status, boolean ok, String context) {
        long now = System.nanoTime();
        if (firstNanos == 0) {
            synchronized (this) {
                if (firstNanos == 0) {
                    firstNanos = now - Math.max(0, millis) * 1_000_000L;
                }
            }
        }
        lastNanos = now;
        Series s = series.computeIfAbsent(name, n -> new Series());
        s.add(millis, ok);
        if (!ok) {
            if (failureCount.incrementAndGet() <= FAILURES_KEPT) {
                failures.add(name + ": " + (status == null ? "no response" : "HTTP " + status + (status == 200 ? ", the page's content check failed" : ""))
                        + (millis >= 0 ? " after " + millis + " ms" : "") + context);
            }
        }
    }

    public long requests() {
        return series.values().stream().mapToLong(Series::count).sum();
    }

    public long errors() {
        return failureCount.get();
    }

    public List<String> firstFailures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    /** The run's length, from the first request sent to the last response. */
    public double seconds() {
        return firstNanos == 0 ? 0 : (lastNanos - firstNanos) / 1e9;
    }

    /**
     * The Markdown table: a row per request (in {@code order}), a row per group of requests, and all requests.
     *
     * @param order  request name → how the row names it
     * @param groups group row name → the request names it sums
     */
    public String table(Map<String, String> order, Map<String, List<String>> groups) {
        double seconds = Math.max(seconds(), 1e-9);
        StringBuilder table = new StringBuilder("| requests | count | errors | req/s | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|---|\n");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        order.forEach((name, label) -> rows.put(label, List.of(name)));
        groups.forEach((label, names) -> rows.put("**" + label + "**", names));
        rows.put("**all requests**", all(groups));
        rows.forEach((label, names) -> {
            long[] samples = names.stream().map(series::get).filter(s -> s != null).map(Series::samples)
                    .flatMapToLong(Arrays::stream).sorted().toArray();
            long count = names.stream().map(series::get).filter(s -> s != null).mapToLong(Series::count).sum();
            long errors = names.stream().map(series::get).filter(s -> s != null).mapToLong(Series::errors).sum();
            table.append(String.format(Locale.US, "| %s | %,d | %,d | %.1f | %s | %s | %s | %s |%n", label, count, errors, count / seconds,
                    ms(percentile(samples, 50)), ms(percentile(samples, 95)), ms(percentile(samples, 99)),
                    ms(samples.length == 0 ? -1 : samples[samples.length - 1])));
        });
        return table.toString();
    }

    /** The requests of every group: "all requests" (a request in no group, such as the static probe, is beside them). */
    static List<String> all(Map<String, List<String>> groups) {
        return groups.values().stream().flatMap(List::stream).distinct().toList();
    }

    /** The p-th percentile (nearest rank) of the named requests' response times, in ms; -1 without a sample. */
    public long percentile(List<String> names, double p) {
        return percentile(names.stream().map(series::get).filter(s -> s != null).map(Series::samples)
                .flatMapToLong(Arrays::stream).sorted().toArray(), p);
    }

    /** Failed requests among the named ones. */
    public long errors(List<String> names) {
        return names.stream().map(series::get).filter(s -> s != null).mapToLong(Series::errors).sum();
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    private static String ms(long millis) {
        return millis < 0 ? "–" : String.format(Locale.US, "%,d ms", millis);
    }

    /** One request name's samples. */
    private static final class Series {
        private long[] millis = new long[1024];
        private int size;
        private long count;
        private long errors;

        synchronized void add(long value, boolean ok) {
            count++;
            if (!ok) {
                errors++;
            }
            if (value < 0) {
                return;
            }
            if (size == millis.length) {
                millis = Arrays.copyOf(millis, size * 2);
            }
            millis[size++] = value;
        }

        synchronized long[] samples() {
            return Arrays.copyOf(millis, size);
        }

        synchronized long count() {
            return count;
        }

        synchronized long errors() {
            return errors;
        }
    }
}
