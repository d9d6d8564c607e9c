package org.lorkit.application.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.settings.Settings;

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
 * What the dashboard of one agency (and cohort) shows, shared by everyone who opens it for a few seconds: its
 * figures, and the count and rows of the students table as it opens or is drilled into (see {@link Key#view}).
 * They are the same for every staff member, and computing any of them reads every student of the scope (3.6 s for
 * the figures of an agency of 50,000, 1 to 2 s for a table's count or page). Ten staff on the dashboard then cost
 * one computation per period instead of ten (the first full load run had 40 staff queue up on PostgreSQL). Only the first view of a scope waits for a computation (those who arrive
 * meanwhile wait for the same one); once the period is over, the next visitor computes afresh while the others
 * still get the previous figures. A zero period (the functional tests, the benchmark) computes every time.
 */
@ApplicationScoped
public class FigureCache {
    /**
     * @param view  what of the scope: {@link #FIGURES}, or a student query (its count, or its page) that names no
     *              student, so that the entries of a scope stay few
     * @param rules the agency's rules they were counted by: once an admin changes them, the next visitor counts afresh
     */
    record Key(long agency, Long cohort, LocalDate today, Object view, AgencyRules rules) {
        static final String FIGURES = "figures";

        Key(long agency, Long cohort, LocalDate today) {
            this(agency, cohort, today, FIGURES);
        }

        Key(long agency, Long cohort, LocalDate today, Object view) {
            this(agency, cohort, today, view, AgencyRules.DEFAULTS);
        }
    }

    /** The value in use and when it was computed; {@code next}: a computation under way, if any. */
    private record Entry(Instant computedAt, CompletableFuture<Object> value, CompletableFuture<Object> next) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Duration period;

    public FigureCache() {
        this(Duration.ofSeconds(Settings.number(Settings.DASHBOARD_FIGURES_SECONDS, 15)));
    }

    FigureCache(Duration period) {
        this.period = period;
    }

    @SuppressWarnings("unchecked") // a key's view decides its value's type, and only one caller computes each view
    <T> T get(Key key, Clock clock, Supplier<T> compute) {
        if (period.isZero()) {
            return compute.get();
        }
        Instant now = clock.instant();
        CompletableFuture<Object> mine = new CompletableFuture<>();
        Entry entry = entries.compute(key, (k, current) -> {
            if (current == null || current.value().isCompletedExceptionally()) {
                return new Entry(now, mine, null); // nothing to show yet: this visitor computes, the others wait
            }
            boolean stale = !now.isBefore(current.computedAt().plus(period));
            return stale && current.next() == null && current.value().isDone() ? new Entry(current.computedAt(), current.value(), mine) : current;
        });
        if (entry.value() == mine || entry.next() == mine) {
            forgetUnused(key.today(), now);
            try {
                T fresh = compute.get();
                mine.complete(fresh);
                entries.put(key, new Entry(clock.instant(), mine, null));
                return fresh;
            } catch (RuntimeException | Error e) { // whatever it was, the waiters and the next visitor must not hang on it
                mine.completeExceptionally(e);
                entries.computeIfPresent(key, (k, current) -> current.next() == mine
                        ? new Entry(current.computedAt(), current.value(), null) : current.value() == mine ? null : current);
                throw e;
            }
        }
        try {
            return (T) entry.value().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Yesterday's entries, and those nobody asked for in two periods (a drill-down or cohort opened once), go: the
     * entries stay about as many as the scopes and queries in use, whatever staff click through in a day.
     */
    private void forgetUnused(LocalDate today, Instant now) {
        Instant unusedSince = now.minus(period.multipliedBy(2));
        entries.entrySet().removeIf(e -> !e.getKey().today().equals(today)
                || (e.getValue().next() == null && e.getValue().value().isDone() && e.getValue().computedAt().isBefore(unusedSince)));
    }

    int size() {
        return entries.size();
    }
}
