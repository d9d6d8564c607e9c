package org.lorkit.application.outbox;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.lorkit.settings.Settings;
import org.lorkit.application.mail.LetterMails;
import org.lorkit.domain.outbox.DeliveryEventKind;
import org.lorkit.domain.outbox.SmtpReply;
import org.lorkit.infrastructure.mail.MailFailure;
import org.lorkit.infrastructure.mail.MailSettings;
import org.lorkit.infrastructure.mail.SmtpMailer;
import org.lorkit.infrastructure.metrics.Meters;
import org.lorkit.infrastructure.logging.LogContext;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Sends what the outbox holds, every few seconds: claim, render, send over SMTP, record, with several
 * senders each keeping its SMTP connection open. At least once and, because a row is claimed (and its claim
 * renewed) before it is sent and recorded the moment the server accepted it, never twice in normal running;
 * the Message-ID stays the same across retries. Nothing here is inside a business transaction.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator") // it frees this node's old claims at start-up, in the migrated outbox
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxSender {
    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    /** A pause after each mail: 0 in production; the crash test sets it to stretch a batch over seconds. */
    static final long PAUSE_MILLIS = Settings.number(Settings.OUTBOX_PAUSE_MS, 0);
    /**
     * The crash test's gate (unset in production): while this file exists, each sender waits before its next send,
     * so that the test can SIGKILL the node when no sender is between the server's acceptance and the record.
     */
    static final String HOLD_FILE = Settings.text(Settings.OUTBOX_HOLD_FILE, null);
    /** Rows a sender claims at a time; each is renewed just before it is sent, so the lease need cover one send only. */
    static final int BATCH = 10;

    @Resource
    TimerService timers;
    @Inject
    MailSettings settings;
    @Inject
    OutboxDelivery delivery;
    @Inject
    SmtpMailer smtp;
    @Inject
    DeliveryProblems problems;
    @Resource
    ManagedExecutorService executor;
    @Inject
    Meters meters;

    private final ReentrantLock running = new ReentrantLock();
    private volatile Boolean skipLocked;
    /**
     * When this sender last showed a sign of life (its timer fired, a claim returned, a mail was handled), in
     * System.nanoTime: elapsed time on this node, which the tests' movable clock must not move.
     */
    private final AtomicLong lastSign = new AtomicLong(System.nanoTime());
    /** When the outbox's backlog was last read for the gauges, in System.nanoTime. */
    private final AtomicLong backlogReadAt = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
    private volatile long interval;

    @PostConstruct
    void start() {
        int freed = delivery.freeClaimsOfEarlierStarts();
        if (freed > 0) {
            LOG.log(Level.INFO, "Outbox: {0} emails this node had claimed before it stopped are free to send again", freed);
        }
        long every = settings.sendIntervalMillis();
        interval = every;
        // Not persistent: each node polls; the claim in the database decides who sends.
        timers.createIntervalTimer(every, every, new TimerConfig("lorkit-outbox", false));
    }

    /** The timer skips its turn while a run is still going: the next tick comes soon enough. */
    @Timeout
    void tick() {
        alive();
        readBacklog(false);
        if (running.tryLock()) {
            try (LogContext.Scope run = LogContext.job("outbox")) {
                send();
            } finally {
                running.unlock();
            }
        }
    }

    /**
     * Sends every due row now; returns how many went out. A run already going (the timer's) is waited for and
     * then this one runs: returning at once would leave a row that became due meanwhile unsent, although the
     * caller was told "sent now" (MailOutageIT failed so, once in two runs).
     */
    public int sendDue() {
        try {
            running.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        try {
            return send();
        } finally {
            running.unlock();
        }
    }

    /**
     * How long since this sender last showed a sign of life, against how long it may take before it counts as stuck
     * (the liveness check asks). WildFly skips the timer while a run is still going, so a long run shows its life
     * by its claims and its mails instead.
     */
    public SenderPulse pulse() {
        return SenderPulse.of(System.nanoTime() - lastSign.get(), OutboxDelivery.LEASE, java.time.Duration.ofMillis(interval));
    }

    private void alive() {
        lastSign.set(System.nanoTime());
    }

    /**
     * Reads the outbox's backlog for the gauges, at most once per send interval (a scrape never queries); a failure
     * (the database away) leaves the last reading, the health check says what is wrong.
     */
    private void readBacklog(boolean now) {
        long at = System.nanoTime();
        long last = backlogReadAt.get();
        if (!now && at - last < java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(interval)) {
            return;
        }
        if (!backlogReadAt.compareAndSet(last, at)) {
            return; // another sender reads it right now
        }
        try {
            OutboxBacklog read = delivery.backlog();
            meters.outboxBacklog(read.due(), read.oldestDueAt());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Outbox backlog not read: {0}", e.getMessage());
        }
    }

    /** One run, under the lock: several senders on PostgreSQL (whose claim skips rows another sender holds), one on H2. */
    private int send() {
        try {
            if (skipLocked == null) {
                skipLocked = delivery.claimsSkipLocked(); // the database does not change while the server runs
            }
            int senders = skipLocked ? settings.senders() : 1;
            if (senders == 1) {
                int sent = drain();
                readBacklog(true);
                return sent;
            }
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                runs.add(executor.submit(LogContext.carried(this::drain)));
            }
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            readBacklog(true);
            return sent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException | RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox run stopped: {0}", e.getMessage());
            return 0;
        }
    }

    /**
     * One sender: claims a few rows at a time and sends them on one SMTP connection, until nothing is due.
     * A claim covers only the few mails being sent (seconds, against a lease of minutes), so another node can
     * never take over a row still being sent.
     */
    private int drain() {
        int sent = 0;
        try (SmtpMailer.Connection connection = smtp.open()) {
            List<OutboxDelivery.Claimed> claimed;
            while (!(claimed = delivery.claim(BATCH)).isEmpty()) {
                alive();
                readBacklog(false);
                Map<Long, List<OutboxDelivery.Claimed>> byAgency = claimed.stream().collect(
                        Collectors.groupingBy(OutboxDelivery.Claimed::agencyId, LinkedHashMap::new, Collectors.toList()));
                for (Map.Entry<Long, List<OutboxDelivery.Claimed>> agency : byAgency.entrySet()) {
                    sent += send(agency.getKey(), agency.getValue(), connection);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox sender stopped: {0}", e.getMessage());
        }
        return sent;
    }

    private static void holdWhileAsked() {
        while (HOLD_FILE != null && java.nio.file.Files.exists(java.nio.file.Path.of(HOLD_FILE))) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
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

    /**
     * Sends claimed rows of one agency: one transaction renders them all; then each is renewed, sent, and recorded
     * as sent the moment the server accepted it, so a node killed in the middle of a batch sends none of it twice
     * (only a kill in the milliseconds between the server's acceptance and that record can repeat a mail, with its
     * Message-ID). A refusal is classified by its enhanced status code (SmtpReply) and recorded on its own.
     */
    private int send(long agency, List<OutboxDelivery.Claimed> rows, SmtpMailer.Connection connection) {
        // In the agency throughout, so that every line about its mails names it.
        try (CurrentAgency.Scope in = CurrentAgency.enter(agency)) {
            return sendInAgency(agency, rows, connection);
        }
    }

    private int sendInAgency(long agency, List<OutboxDelivery.Claimed> rows, SmtpMailer.Connection connection) {
        Map<Long, LetterMails.Rendered> rendered = render(agency, rows);
        int sent = 0;
        for (OutboxDelivery.Claimed row : rows) {
            LetterMails.Rendered mail = rendered.get(row.id());
            holdWhileAsked();
            if (mail == null || !delivery.renew(row)) {
                continue; // not rendered (waits for a retry), or no longer this sender's
            }
            try {
                connection.send(mail.mail());
            } catch (MailFailure failure) {
                failed(agency, row.id(), failure);
                alive();
                continue;
            }
            recordSent(agency, row.id(), mail);
            alive();
            sent++;
            pause();
        }
        return sent;
    }

    /**
     * The server has the mail: record it, trying a few times, since a row left pending would be sent again once its
     * lease is over. Should the database stay away, the log says which mail may go twice.
     */
    private void recordSent(long agency, long id, LetterMails.Rendered mail) {
        for (int attempt = 1; ; attempt++) {
            try {
                CurrentAgency.runAs(agency, () -> delivery.sent(id, mail));
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    LOG.log(Level.SEVERE, "Outbox email {0} ({1}) was accepted by the mail server but could not be recorded as sent: "
                            + "it will be sent again after its lease ({2})", new Object[]{id, mail.mail().messageId(), e.getMessage()});
                    return;
                }
                pauseBeforeRetry(attempt);
            }
        }
    }

    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Records a refusal by what its code means. If that fails (a diagnostic the database will not take, a race with
     * another sender), the mail is simply tried again later, so that its claim never outlives the run.
     */
    private void failed(long agency, long id, MailFailure failure) {
        SmtpReply.Outcome outcome = SmtpReply.classify(failure.reply());
        LOG.log(Level.INFO, "Outbox email {0} not sent ({1}): {2}", new Object[]{id, switch (outcome) {
            case BOUNCE -> "bounced";
            case OPERATOR -> "held: the relay refuses it for a reason of setup";
            case RETRY -> "will retry";
        }, failure.getMessage()});
        try {
            CurrentAgency.runAs(agency, () -> {
                switch (outcome) {
                    case BOUNCE -> problems.record(id, DeliveryEventKind.BOUNCED, failure.reply(), "smtp:" + id);
                    case OPERATOR -> problems.heldByRelay(id, failure.reply());
                    case RETRY -> problems.retryOrGiveUp(id, failure.reply() != null ? failure.reply() : failure.getMessage());
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox email {0}: its refusal could not be recorded ({1}); it is tried again later",
                    new Object[]{id, e.getMessage()});
            CurrentAgency.runAs(agency, () -> problems.retryOrGiveUp(id, failure.getMessage()));
        }
    }

    /** Renders the rows in one transaction; if one fails, one by one, so that only the bad one waits for a retry. */
    private Map<Long, LetterMails.Rendered> render(long agency, List<OutboxDelivery.Claimed> rows) {
        List<Long> ids = rows.stream().map(OutboxDelivery.Claimed::id).toList();
        try {
            return CurrentAgency.callAs(agency, () -> delivery.render(ids));
        } catch (RuntimeException batchFailed) {
            Map<Long, LetterMails.Rendered> rendered = new HashMap<>();
            for (long id : ids) {
                try {
                    rendered.put(id, CurrentAgency.callAs(agency, () -> delivery.render(List.of(id))).get(id));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Outbox email {0} could not be rendered: {1}", new Object[]{id, e.getMessage()});
                    CurrentAgency.runAs(agency, () -> problems.retryOrGiveUp(id, "render: " + e.getMessage()));
                }
            }
            return rendered;
        }
    }
}
