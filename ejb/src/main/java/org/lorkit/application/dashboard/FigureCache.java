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
 * 50,000). Ten staff on the dashboard then cost one computation per period instead of ten, and those who arrive
 * while it runs wait for it instead of starting their own (the load test had 40 staff queue up on PostgreSQL).
 * A zero period (the functional tests, the benchmark) computes every time.
 */
@ApplicationScoped
public class FigureCache {
    /** Seconds the figures are shared; 0 computes every time. LORKIT_DASHBOARD_FIGURES_SECONDS in production. */
    static final String PERIOD = "lorkit.dashboard.figures-seconds";

    record Key(long agency, Long cohort, LocalDate today) {
    }

    private record Entry(Instant computedAt, CompletableFuture<DashboardFigures> figures) {
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
        Entry current = entries.compute(key, (k, entry) -> entry != null && !isStale(entry, now) ? entry : new Entry(now, mine));
        if (current.figures() == mine) {
            entries.keySet().removeIf(k -> !k.today().equals(key.today())); // yesterday's figures go
            try {
                mine.complete(compute.get());
            } catch (RuntimeException e) {
                entries.remove(key, current); // the next visitor tries again
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return current.figures().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private boolean isStale(Entry entry, Instant now) {
        return entry.figures().isCompletedExceptionally() || !now.isBefore(entry.computedAt().plus(period));
    }

    int size() {
        return entries.size();
    }
}
