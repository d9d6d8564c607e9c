package org.lorkit.application.dashboard;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The dashboard's figures of one agency (and cohort), shared by everyone who opens it for a few seconds: they are
 * the same for every staff member, and computing them reads every student of the scope (3.6 s for an agency of
 * 50,000). Ten staff on the dashboard then cost one computation per period instead of ten (the first full load run
 * had 40 staff queue up on PostgreSQL). Only the first view of a scope waits for a computation (those who arrive
 * meanwhile wait for the same one); once the period is over, the next visitor computes afresh while the others
 * still get the previous figures. A zero period (the functional tests, the benchmark) computes every time.
 */
@ApplicationScoped
public class FigureCache {
    /** Seconds the figures are shared; 0 computes every time. LORKIT_DASHBOARD_FIGURES_SECONDS in production. */
    static final String PERIOD = "lorkit.dashboard.figures-seconds";

    record Key(long agency, Long cohort, LocalDate today) {
    }

    /** The figures in use and when they were computed; {@code next}: a computation under way, if any. */
    private record Entry(Instant computedAt, CompletableFuture<DashboardFigures> figures, CompletableFuture<DashboardFigures> next) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Duration period;

    public FigureCache() {
        this(Duration.ofSeconds(Long.parseLong(System.getProperty(PERIOD,
                System.getenv().getOrDefault("LORKIT_DASHBOARD_FIGURES_SECONDS", "15")))));
    }

    FigureCache(Duration period) {
        this.period = period;
    }

    DashboardFigures get(Key key, Clock clock, Supplier<DashboardFigures> compute) {
        if (period.isZero()) {
            return compute.get();
        }
        Instant now = clock.instant();
        CompletableFuture<DashboardFigures> mine = new CompletableFuture<>();
        Entry entry = entries.compute(key, (k, current) -> {
            if (current == null || current.figures().isCompletedExceptionally()) {
                return new Entry(now, mine, null); // nothing to show yet: this visitor computes, the others wait
            }
            boolean stale = !now.isBefore(current.computedAt().plus(period));
            return stale && current.next() == null && current.figures().isDone() ? new Entry(current.computedAt(), current.figures(), mine) : current;
        });
        if (entry.figures() == mine || entry.next() == mine) {
            entries.keySet().removeIf(k -> !k.today().equals(key.today())); // yesterday's figures go
            try {
                DashboardFigures fresh = compute.get();
                mine.complete(fresh);
                entries.put(key, new Entry(clock.instant(), mine, null));
                return fresh;
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                entries.computeIfPresent(key, (k, current) -> current.next() == mine
                        ? new Entry(current.computedAt(), current.figures(), null) : current.figures() == mine ? null : current);
                throw e;
            }
        }
        try {
            return entry.figures().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    int size() {
        return entries.size();
    }
}
