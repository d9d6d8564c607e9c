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
import org.lorkit.infrastructure.mail.MailFailure;
import org.lorkit.infrastructure.mail.MailSettings;
import org.lorkit.infrastructure.mail.SmtpMailer;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds, every few seconds: claim, render, send over SMTP, record. At least once
 * and, because a row is claimed before it is sent and marked right after, never twice in normal running;
 * the Message-ID stays the same across retries. Nothing here is inside a business transaction.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSender {
    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    /** A pause between two mails: 0 in production; the crash test sets it to stretch a batch over seconds. */
    static final long PAUSE_MILLIS = Long.getLong("lorkit.outbox.pause-ms", 0);

    @Resource
    TimerService timers;
    @Inject
    MailSettings settings;
    @Inject
    OutboxDelivery delivery;
    @Inject
    SmtpMailer smtp;

    private final ReentrantLock running = new ReentrantLock();

    @PostConstruct
    void start() {
        long every = settings.sendIntervalMillis();
        // Not persistent: each node polls; the claim in the database decides who sends.
        timers.createIntervalTimer(every, every, new TimerConfig("lorkit-outbox", false));
    }

    @Timeout
    void tick() {
        sendDue();
    }

    /** Sends every due row now; returns how many went out. One run at a time per node. */
    public int sendDue() {
        if (!running.tryLock()) {
            return 0;
        }
        try {
            // One row at a time: a claim covers only the mail being sent, so its lease never runs out while
            // other mails of a long run go out, and another node can never take over a row still being sent.
            int sent = 0;
            List<OutboxDelivery.Claimed> claimed;
            while (!(claimed = delivery.claim(1)).isEmpty()) {
                if (send(claimed.get(0))) {
                    sent++;
                }
                pause();
            }
            return sent;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox run stopped: {0}", e.getMessage());
            return 0;
        } finally {
            running.unlock();
        }
    }

    private static void pause() {
        if (PAUSE_MILLIS > 0) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean send(OutboxDelivery.Claimed row) {
        LetterMails.Rendered rendered;
        try {
            rendered = CurrentAgency.callAs(row.agencyId(), () -> delivery.render(row.id()));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Outbox email {0} could not be rendered: {1}", new Object[]{row.id(), e.getMessage()});
            CurrentAgency.runAs(row.agencyId(), () -> delivery.retry(row.id(), "render: " + e.getMessage()));
            return false;
        }
        try {
            smtp.send(rendered.mail());
        } catch (MailFailure failure) {
            LOG.log(Level.INFO, "Outbox email {0} not sent ({1}): {2}",
                    new Object[]{row.id(), failure.isPermanent() ? "bounced" : "will retry", failure.getMessage()});
            CurrentAgency.runAs(row.agencyId(), () -> {
                if (failure.isPermanent()) {
                    delivery.bounced(row.id(), failure.getMessage());
                } else {
                    delivery.retry(row.id(), failure.getMessage());
                }
            });
            return false;
        }
        CurrentAgency.runAs(row.agencyId(), () -> delivery.sent(row.id(), rendered));
        LOG.log(Level.FINE, "Outbox email {0} sent", row.id());
        return true;
    }
}
