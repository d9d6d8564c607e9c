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
 * <p>
 * Webhook deliveries are the outbox's other table, sent the same way on a timer of their own (a slow receiver must
 * not hold up mail): claim ({@link OutboxQueue#WEBHOOKS}, which keeps a request's events to one endpoint in order),
 * renew, POST, record the answer; a non-2xx answer or none is retried by {@link org.lorkit.domain.outbox.RetryPolicy}.
 * Each event keeps its id on every attempt: at least once per endpoint, and twice only when a node dies (or the
 * database refuses the record) between the receiver's answer and its record.
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
    @Inject
    WebhookOutbox webhooks;
    @Inject
    org.lorkit.infrastructure.webhook.WebhookClient http;
    @Inject
    java.time.Clock clock;

    private static final String MAIL_TIMER = "lorkit-outbox";
    private static final String WEBHOOK_TIMER = "lorkit-webhooks";
    private final ReentrantLock running = new ReentrantLock();
    private final ReentrantLock delivering = new ReentrantLock();
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
        timers.createIntervalTimer(every, every, new TimerConfig(MAIL_TIMER, false));
        timers.createIntervalTimer(every, every, new TimerConfig(WEBHOOK_TIMER, false));
    }

    /** Each timer skips its turn while its run is still going: the next tick comes soon enough. */
    @Timeout
    void tick(jakarta.ejb.Timer timer) {
        // Only the mail run shows the sender's life (liveness): the webhook timer, which fires while a mail run hangs,
        // must not hide it.
        if (WEBHOOK_TIMER.equals(timer.getInfo())) {
            if (delivering.tryLock()) {
                try (LogContext.Scope run = LogContext.job("webhooks")) {
                    deliverWebhooks();
                } finally {
                    delivering.unlock();
                }
            }
            return;
        }
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

    /**
     * Delivers every due webhook now; returns how many the receivers took (2xx). Like {@link #sendDue}, a run already
     * going is waited for first.
     */
    public int deliverDueWebhooks() {
        try {
            delivering.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        try {
            return deliverWebhooks();
        } finally {
            delivering.unlock();
        }
    }

    /**
     * Claims due deliveries a few at a time until none is due; the claim holds back a request's next event to an
     * endpoint until the one before it is delivered or given up, so each batch has at most one per request and endpoint.
     */
    private int deliverWebhooks() {
        int delivered = 0;
        try {
            List<OutboxDelivery.Claimed> claimed;
            while (!(claimed = delivery.claim(OutboxQueue.WEBHOOKS, BATCH)).isEmpty()) {
                for (OutboxDelivery.Claimed row : claimed) {
                    delivered += deliver(row) ? 1 : 0;
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook sender stopped: {0}", e.getMessage());
        }
        return delivered;
    }

    /** One attempt: prepare, renew the claim, POST, record the answer (a 2xx as delivered, anything else as a failure). */
    private boolean deliver(OutboxDelivery.Claimed row) {
        long agency = row.agencyId();
        java.util.Optional<WebhookOutbox.Prepared> prepared;
        try {
            prepared = CurrentAgency.callAs(agency, () -> webhooks.prepare(row.id()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook delivery {0} could not be prepared: {1}", new Object[]{row.id(), e.getMessage()});
            recordFailure(agency, row.id(), null, null, "prepare: " + e.getMessage());
            return false;
        }
        holdWhileAsked();
        if (prepared.isEmpty() || !delivery.renew(OutboxQueue.WEBHOOKS, row)) {
            return false; // cancelled or handled meanwhile, or no longer this sender's
        }
        WebhookOutbox.Prepared attempt = prepared.get();
        org.lorkit.infrastructure.webhook.WebhookClient.Answer answer;
        try {
            answer = http.post(attempt.url(), attempt.body(), attempt.headers(clock.instant()));
        } catch (org.lorkit.infrastructure.webhook.WebhookClient.NoAnswer none) {
            LOG.log(Level.INFO, "{0}: not delivered, no answer ({1})", new Object[]{attempt, none.getMessage()});
            recordFailure(agency, row.id(), null, null, none.getMessage());
            return false;
        }
        if (!answer.delivered()) {
            LOG.log(Level.INFO, "{0}: not delivered, answered {1}", new Object[]{attempt, answer.status()});
            recordFailure(agency, row.id(), answer.status(), answer.body(), "HTTP " + answer.status());
            return false;
        }
        return recordAfterSending(() -> CurrentAgency.runAs(agency, () -> webhooks.delivered(row.id(), answer.status(), answer.body())),
                () -> attempt + " was taken by the receiver (HTTP " + answer.status() + ") but could not be recorded as delivered: "
                        + "it will be delivered again, with the same event id, after its lease");
    }

    /** A failure is tried again later; should even that not be recorded, the claim runs out and it is tried after the lease. */
    private void recordFailure(long agency, long id, Integer status, String response, String error) {
        try {
            CurrentAgency.runAs(agency, () -> webhooks.failed(id, status, response, error));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook delivery {0}: its failure could not be recorded ({1}); it is tried again after its lease",
                    new Object[]{id, e.getMessage()});
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
            while (!(claimed = delivery.claim(OutboxQueue.MAIL, BATCH)).isEmpty()) {
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
            if (mail == null || !delivery.renew(OutboxQueue.MAIL, row)) {
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
        recordAfterSending(() -> CurrentAgency.runAs(agency, () -> delivery.sent(id, mail)),
                () -> "Outbox email " + id + " (" + mail.mail().messageId() + ") was accepted by the mail server but could not be "
                        + "recorded as sent: it will be sent again after its lease");
    }

    /**
     * What the other end already has (an email, a webhook) is recorded, trying a few times, since a row left pending is
     * sent again once its lease is over; should the database stay away, the log says what may go twice.
     */
    private static boolean recordAfterSending(Runnable record, java.util.function.Supplier<String> mayRepeat) {
        for (int attempt = 1; ; attempt++) {
            try {
                record.run();
                return true;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    LOG.log(Level.SEVERE, "{0} ({1})", new Object[]{mayRepeat.get(), e.getMessage()});
                    return false;
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
