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

import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the reminder sweep for every agency, each in its own transaction with the agency id carried
 * explicitly (a timer has no request to take it from). Every node may run it: the outbox's unique keys
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
                try {
                    moved += CurrentAgency.callAs(agency, () -> reminders.sweep());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Reminder sweep of agency {0} failed, retried next time: {1}", new Object[]{agency, e.getMessage()});
                }
            }
            return moved;
        } finally {
            running.unlock();
        }
    }
}
