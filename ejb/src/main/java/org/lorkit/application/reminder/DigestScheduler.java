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
import org.lorkit.domain.outbox.DailyDigest;
import org.lorkit.infrastructure.mail.MailSettings;
import org.lorkit.infrastructure.logging.LogContext;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Queues each agency's daily digest once the agency's own clock has passed the digest hour (LORKIT_DIGEST_HOUR, or
 * -Dlorkit.digest.hour, default 7), one short transaction per agency with the agency id carried explicitly. Looks
 * every ten minutes, so each agency gets its digest soon after the hour in its time zone; a digest already made
 * (DigestRun) costs one query to skip. Once per cluster, on WildFly's clustered persistent timer; should two runs
 * ever meet, the run row's unique key lets one of them make the digest.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DigestScheduler {
    private static final Logger LOG = Logger.getLogger(DigestScheduler.class.getName());

    @Inject
    DigestService digests;
    @Inject
    MailSettings settings;

    private final ReentrantLock running = new ReentrantLock();

    /** The configured hour, or a start that fails saying what is wrong with it. */
    static int hour(String setting) {
        try {
            return DailyDigest.checkHour(Integer.parseInt(setting.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("LORKIT_DIGEST_HOUR is the hour of the morning the digest goes out, 0 to 23, not \"" + setting + "\"", e);
        }
    }

    /** A wrong LORKIT_DIGEST_HOUR stops the deployment with one line saying so, instead of a warning every ten minutes. */
    @jakarta.annotation.PostConstruct
    void checkHour() {
        hour(settings.digestHour());
    }

    @Schedule(minute = "*/10", hour = "*", persistent = true, info = "lorkit-digest")
    void tick() {
        try (LogContext.Scope run = LogContext.job("digest")) {
            int queued = queueAll();
            if (queued > 0) {
                LOG.log(Level.INFO, "Daily digests: {0} emails queued", queued);
            }
        }
    }

    /** Queues every agency's due digest now; returns how many emails were queued. */
    public int queueAll() {
        // A run already going (the timer's) is waited for, then this one runs: a caller told "queued now" is not misled.
        try {
            running.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        try {
            int queued = 0;
            for (long agency : digests.agencies()) {
                // In the agency for the line about a failure too.
                try (CurrentAgency.Scope in = CurrentAgency.enter(agency)) {
                    try {
                        queued += digests.queueDue(hour(settings.digestHour()));
                    } catch (RuntimeException e) {
                        // Keycloak away, or another node making the same digest at this moment: the next look tries again.
                        LOG.log(Level.WARNING, "The digest of agency {0} was not queued, tried again next time: {1}",
                                new Object[]{agency, e.getMessage()});
                    }
                }
            }
            return queued;
        } finally {
            running.unlock();
        }
    }
}
