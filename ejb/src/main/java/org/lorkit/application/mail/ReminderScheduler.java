package org.lorkit.application.mail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the reminder sweep for every agency, in short transactions with the agency id carried explicitly
 * (a timer has no request to take it from). Every node may run it: the outbox's unique keys
 * and the requests' optimistic locks make a second run change and send nothing.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReminderScheduler {
    private static final Logger LOG = Logger.getLogger(ReminderScheduler.class.getName());

    @Resource
    TimerService timers;
    @Inject
    ReminderService reminders;

    /** Requests per transaction: small enough for a short transaction, large enough to batch the writes. */
    static final int CHUNK = 200;

    private final ReentrantLock running = new ReentrantLock();

    @PostConstruct
    void start() {
        long every = Long.parseLong(System.getProperty("lorkit.reminders.interval-ms",
                System.getenv().getOrDefault("LORKIT_REMINDERS_INTERVAL_MS", "900000")));
        timers.createIntervalTimer(every, every, new TimerConfig("lorkit-reminders", false));
    }

    @Timeout
    void tick() {
        sweepAll();
    }

    /** Sweeps every agency now; returns how many requests moved. */
    public int sweepAll() {
        if (!running.tryLock()) {
            return 0;
        }
        try {
            int moved = 0;
            for (long agency : reminders.agencies()) {
                moved += sweepAgency(agency);
            }
            return moved;
        } finally {
            running.unlock();
        }
    }

    /**
     * Sweeps one agency: its due request ids in one query, then chunks of {@value #CHUNK}, each its own
     * transaction. A chunk that fails (another node moved one of its requests first) is logged and retried by
     * the next run; the other chunks keep what they did.
     */
    public int sweepAgency(long agency) {
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
}
