package org.lorkit.application.reminder;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.lorkit.application.TimerPace;
import org.lorkit.settings.Settings;
import org.lorkit.infrastructure.metrics.Meters;
import org.lorkit.infrastructure.logging.LogContext;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the reminder sweep for every agency (the requests' reminders, then the rotations' ask-window emails), in
 * short transactions with the agency id carried explicitly (a timer has no request to take it from). Once per cluster, by WildFly's clustered persistent timer; and
 * should two runs ever meet (a manual sweep, a node taking over), the outbox's unique keys and the requests'
 * optimistic locks make the second change and send nothing.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReminderScheduler {
    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class.getName());
    private static final String NODE = Settings.text(Settings.NODE_NAME, "this server");

    @Inject
    ReminderService reminders;
    @Inject
    AskWindowReminders askWindows;
    @Inject
    org.lorkit.application.dashboard.StandingRecheck standings;
    @Inject
    Meters meters;

    /** Requests per transaction: small enough for a short transaction, large enough to batch the writes. */
    static final int CHUNK = 200;
    /** How often the sweep runs (LORKIT_REMINDERS_INTERVAL_MS, default 15 minutes); the timer only looks every 10 s. */
    private final long interval = Settings.number(Settings.REMINDERS_INTERVAL_MS, 900000);
    private final ReentrantLock running = new ReentrantLock();
    /** When this node sweeps next: one interval after it started, or after its last sweep. */
    private final TimerPace pace = new TimerPace(System.currentTimeMillis());

    /**
     * A persistent timer: in a cluster (lorkit-ha.xml) WildFly keeps it once for the whole cluster and fires it
     * on one node, and on another when that node dies; on a single server it is simply this server's.
     */
    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = true, info = "lorkit-reminders")
    void tick() {
        if (!pace.due(System.currentTimeMillis(), interval)) {
            return;
        }
        try (LogContext.Scope run = LogContext.job("reminders")) {
            long started = System.nanoTime();
            int moved = sweepAll();
            LOG.log(Level.INFO, "Reminder sweep on {0}: {1} requests moved in {2} ms",
                    new Object[]{NODE, moved, (System.nanoTime() - started) / 1_000_000});
        }
    }

    /** Sweeps every agency now; returns how many requests moved. Its duration and size are metered. */
    public int sweepAll() {
        if (!running.tryLock()) {
            return 0;
        }
        try {
            long started = System.nanoTime();
            int moved = 0;
            for (long agency : reminders.agencies()) {
                moved += sweepAgency(agency);
            }
            meters.reminderSweep(java.time.Duration.ofNanos(System.nanoTime() - started), moved);
            return moved;
        } finally {
            running.unlock();
        }
    }

    /**
     * Sweeps one agency: its due request ids in one query, then chunks of {@value #CHUNK}, each its own
     * transaction; then the same for its rotations whose ask window opened (their one email to the student). A chunk
     * that fails (another node moved one of its requests first, or queued one of its emails) is logged and retried by
     * the next run; the other chunks keep what they did. Returns how many requests moved.
     */
    public int sweepAgency(long agency) {
        // In the agency throughout, so that the lines about its failed chunks name it too.
        try (CurrentAgency.Scope in = CurrentAgency.enter(agency)) {
            int moved = sweepRequests(agency);
            sweepAskWindows(agency);
            recheckStandings(agency);
            return moved;
        }
    }

    /**
     * The letter requests part of the sweep alone (reminders, "not coming"), in the agency: what the benchmark sets beside
     * the same writes by bulk SQL, without the ask-window emails and the standings' date recheck that follow it.
     */
    public int sweepRequestsOf(long agency) {
        try (CurrentAgency.Scope in = CurrentAgency.enter(agency)) {
            return sweepRequests(agency);
        }
    }

    private int sweepRequests(long agency) {
        List<Long> due;
        try {
            due = CurrentAgency.callAs(agency, () -> reminders.dueRequests());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Reminder sweep of agency {0} failed, retried next time: {1}", new Object[]{agency, e.getMessage()});
            return 0;
        }
        int moved = 0;
        for (int from = 0; from < due.size(); from += CHUNK) {
            List<Long> chunk = due.subList(from, Math.min(due.size(), from + CHUNK));
            try {
                moved += CurrentAgency.callAs(agency, () -> reminders.sweep(chunk));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reminder sweep of {0} requests of agency {1} failed, retried next time: {2}",
                        new Object[]{chunk.size(), agency, e.getMessage()});
            }
        }
        return moved;
    }

    /** The students whose standing changed with the date alone are counted again (each chunk above counted its own). */
    private void recheckStandings(long agency) {
        try {
            CurrentAgency.callAs(agency, () -> standings.recheck());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Standing recheck of agency {0} failed, retried next time (dashboards recheck before they read): {1}",
                    new Object[]{agency, e.getMessage()});
        }
    }

    /** The ask-window emails of one agency, queued in chunks as the requests are swept. */
    private void sweepAskWindows(long agency) {
        List<Long> due;
        try {
            due = CurrentAgency.callAs(agency, () -> askWindows.dueRotations());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Ask-window sweep of agency {0} failed, retried next time: {1}", new Object[]{agency, e.getMessage()});
            return;
        }
        for (int from = 0; from < due.size(); from += CHUNK) {
            List<Long> chunk = due.subList(from, Math.min(due.size(), from + CHUNK));
            try {
                CurrentAgency.callAs(agency, () -> askWindows.sweep(chunk));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Ask-window sweep of {0} rotations of agency {1} failed, retried next time: {2}",
                        new Object[]{chunk.size(), agency, e.getMessage()});
            }
        }
    }
}
