package org.lorkit.infrastructure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.lorkit.domain.outbox.MailKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * LorKit's own meters, each name declared here once, on the Micrometer registry that WildFly's micrometer subsystem
 * gives the deployment (exported in Prometheus' format at http://localhost:9990/metrics, beside WildFly's own:
 * dots become underscores, counters end in {@code _total}, timers in {@code _seconds}). docs/deployment.md lists them
 * with the alerts worth having.
 * <p>
 * Only the registry's own {@code counter/timer/summary/gauge(name, tags)} methods are used, never the meter builders:
 * WildFly's per-deployment registry passes those methods on to the exported registry, while a builder's
 * {@code register} would keep the meter in the deployment's registry alone, never exported.
 * <p>
 * A count made inside a transaction is made when it commits (a rolled-back send or answer did not happen). Without a
 * registry (the subsystem removed) the meters count into nothing, and a plain unit test gives its own
 * ({@link #recordingTo}): nothing here fails for want of one.
 */
@ApplicationScoped
public class Meters {
    private static final Logger LOG = Logger.getLogger(Meters.class.getName());

    /** What became of an email, each its own counter tagged by {@link #KIND}. */
    public enum Mail {
        /** Accepted by the SMTP server. */
        SENT("lorkit.mail.sent"),
        /** Not accepted for a reason that may pass (no answer, a 4xx): tried again later. */
        RETRIED("lorkit.mail.retried"),
        /** Refused by the relay for a reason of LorKit's setup (5.7.x): waits, tried again later. */
        HELD("lorkit.mail.held"),
        /** The address refused for good: at once by the relay or later by a bounce report. */
        BOUNCED("lorkit.mail.bounced"),
        /** Given up: too many attempts, held for days, or a report that delivery was over. */
        FAILED("lorkit.mail.failed"),
        /** The recipient reported the agency's mail as spam. */
        COMPLAINED("lorkit.mail.complained");

        public final String meter;

        Mail(String meter) {
            this.meter = meter;
        }
    }

    /** Emails due and not sent yet, across agencies (refreshed by the outbox timer; the same on every node). */
    public static final String OUTBOX_DUE = "lorkit.outbox.due";
    /** How long the oldest of them has been due, in seconds (0 when none is). */
    public static final String OUTBOX_OLDEST_DUE_SECONDS = "lorkit.outbox.oldest.due.seconds";
    /** How long a reminder sweep of every agency took. */
    public static final String REMINDER_SWEEP = "lorkit.reminder.sweep";
    /** How many letter requests a reminder sweep moved (reminded, or stopped reminding). */
    public static final String REMINDER_SWEEP_MOVED = "lorkit.reminder.sweep.moved";
    /** How long the dashboard's statements took when computed (not when shared from its cache), by {@link #PART}. */
    public static final String DASHBOARD_COMPUTATION = "lorkit.dashboard.computation";
    /** Answers attendings gave through their links, by {@link #ANSWER}. */
    public static final String ATTENDING_ANSWERS = "lorkit.attending.answers";
    /** Rows of the roster files staff uploaded, by {@link #OUTCOME}: accepted by the check, or refused with a problem. */
    public static final String ROSTER_ROWS = "lorkit.roster.rows";

    public static final String KIND = "kind";
    public static final String PART = "part";
    public static final String ANSWER = "answer";
    public static final String OUTCOME = "outcome";

    @Inject
    Instance<MeterRegistry> registries;
    @Resource
    TransactionSynchronizationRegistry transactions;
    @Inject
    Clock clock;

    private MeterRegistry registry;
    /** The outbox's backlog as last read; the gauges read it (a scrape costs no query). Held here: gauges hold it weakly. */
    private final AtomicReference<Backlog> backlog = new AtomicReference<>(Backlog.NONE);

    /** The outbox's due, unsent emails as last read: how many, and when the oldest became due (null: none). */
    private record Backlog(long due, Instant oldestDueAt) {
        static final Backlog NONE = new Backlog(0, null);

        double oldestAgeSeconds(Instant now) {
            return oldestDueAt == null || now.isBefore(oldestDueAt) ? 0 : Duration.between(oldestDueAt, now).toMillis() / 1000.0;
        }
    }

    /** Meters on a registry of the caller's (a unit test's), counting at once. */
    public static Meters recordingTo(MeterRegistry registry, Clock clock) {
        Meters meters = new Meters();
        meters.clock = clock;
        meters.start(registry);
        return meters;
    }

    @PostConstruct
    void start() {
        if (registries != null && registries.isResolvable()) {
            start(registries.get());
        } else {
            LOG.warning("No Micrometer registry (is the micrometer subsystem configured?): LorKit's meters count into nothing");
            start(new CompositeMeterRegistry());
        }
    }

    private void start(MeterRegistry into) {
        this.registry = into;
        // A gauge reads the object it was made with, and the registry keeps a gauge of the same name once made: one
        // left by an earlier deployment (WildFly keeps them across a redeploy) would read that deployment's backlog.
        removeGauges();
        registry.gauge(OUTBOX_DUE, Tags.empty(), backlog, held -> held.get().due());
        registry.gauge(OUTBOX_OLDEST_DUE_SECONDS, Tags.empty(), backlog, held -> held.get().oldestAgeSeconds(clock.instant()));
    }

    @PreDestroy
    void stop() {
        removeGauges();
    }

    private void removeGauges() {
        for (String gauge : new String[]{OUTBOX_DUE, OUTBOX_OLDEST_DUE_SECONDS}) {
            registry.find(gauge).gauges().forEach(registry::remove);
        }
    }

    /** One email of this kind became this, counted when the transaction it happened in commits. */
    public void mail(Mail what, MailKind kind) {
        afterCommit(() -> registry.counter(what.meter, KIND, kind.name()).increment());
    }

    /**
     * The outbox's backlog as just read: how many emails are due and unsent, and when the oldest became due (null:
     * none). The age gauge grows from that moment at each scrape until the next reading.
     */
    public void outboxBacklog(long due, Instant oldestDueAt) {
        backlog.set(new Backlog(due, oldestDueAt));
    }

    /** One reminder sweep of every agency: how long it took and how many requests it moved. */
    public void reminderSweep(Duration took, int moved) {
        registry.timer(REMINDER_SWEEP, Tags.empty()).record(took);
        registry.summary(REMINDER_SWEEP_MOVED, Tags.empty()).record(moved);
    }

    /** Computes a part of the dashboard ("figures", "students"), timing it. */
    public <T> T dashboard(String part, Supplier<T> compute) {
        long started = System.nanoTime();
        try {
            return compute.get();
        } finally {
            registry.timer(DASHBOARD_COMPUTATION, PART, part).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** An attending's answer through a link was recorded ("CONFIRM", "DECLINE"...), counted when it commits. */
    public void attendingAnswer(String answer) {
        afterCommit(() -> registry.counter(ATTENDING_ANSWERS, ANSWER, answer).increment());
    }

    /** A roster file was checked: how many of its rows passed and how many had a problem. */
    public void rosterRows(int accepted, int refused) {
        registry.counter(ROSTER_ROWS, OUTCOME, "accepted").increment(accepted);
        registry.counter(ROSTER_ROWS, OUTCOME, "refused").increment(refused);
    }

    /** Runs the count when the current transaction commits, never if it rolls back; at once outside a transaction. */
    private void afterCommit(Runnable count) {
        int status = transactions == null ? Status.STATUS_NO_TRANSACTION : transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            count.run();
        } else if (status == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int outcome) {
                    if (outcome == Status.STATUS_COMMITTED) {
                        count.run();
                    }
                }
            });
        }
        // Any other status (marked for rollback, rolling back): what it would count is not going to happen.
    }
}
