package org.lorkit.application.outbox;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.lorkit.application.TimerPace;
import org.lorkit.domain.outbox.DeliveryEventKind;
import org.lorkit.domain.outbox.OutboxTag;
import org.lorkit.infrastructure.mail.BounceMailbox;
import org.lorkit.infrastructure.mail.IncomingReport;
import org.lorkit.infrastructure.mail.IncomingReports;
import org.lorkit.infrastructure.mail.MailSettings;
import org.lorkit.infrastructure.logging.LogContext;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Reads the bounce mailbox: each delivery status report or complaint that names one of LorKit's emails by its tag
 * (the VERP return path it came back to, or the original's Message-ID) is acted on through {@link DeliveryProblems},
 * the same path as a refusal at once. Runs once per cluster on WildFly's persistent timer; should two readers meet
 * (a node taking over, a manual run), each report still counts once (DeliveryProblems' source key) and is moved
 * away by whichever gets there first.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BounceReader {
    private static final Logger LOG = Logger.getLogger(BounceReader.class.getName());
    /** Messages read per run: a flood of reports is worked through over several runs, each short. */
    static final int PER_RUN = 500;

    @Inject
    BounceMailbox mailbox;
    @Inject
    DeliveryProblems problems;
    @Inject
    MailSettings settings;
    @Inject
    OutboxDelivery outbox;

    private final ReentrantLock running = new ReentrantLock();
    private final TimerPace pace = new TimerPace(System.currentTimeMillis());

    /** What one run did. */
    public record Run(int read, int actedOn, int ignored) {
    }

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = true, info = "lorkit-bounces")
    void tick() {
        long now = System.currentTimeMillis();
        if (!mailbox.configured() || !pace.due(now, settings.bounceIntervalMillis()) || !running.tryLock()) {
            return;
        }
        try (LogContext.Scope job = LogContext.job("bounces")) {
            try {
                Run run = readMailbox();
                if (run.read() > 0) {
                    LOG.log(Level.INFO, "Bounce mailbox: {0} reports read, {1} acted on, {2} not LorKit''s or already handled",
                            new Object[]{run.read(), run.actedOn(), run.ignored()});
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reading the bounce mailbox failed, tried again next time: {0}", e.getMessage());
            }
        } finally {
            running.unlock();
        }
    }

    /**
     * One pass over the mailbox, now, with its own IMAP connection. Two passes at the same time (as two nodes would)
     * act on each report once.
     */
    public Run readMailbox() {
        AtomicInteger read = new AtomicInteger();
        AtomicInteger actedOn = new AtomicInteger();
        try {
            mailbox.read(message -> {
                read.incrementAndGet();
                Outcome outcome = handle(message);
                if (outcome == Outcome.ACTED_ON) {
                    actedOn.incrementAndGet();
                }
                return outcome != Outcome.FAILED;
            }, PER_RUN);
        } catch (MessagingException e) {
            throw new IllegalStateException("The bounce mailbox could not be read: " + e.getMessage(), e);
        }
        return new Run(read.get(), actedOn.get(), read.get() - actedOn.get());
    }

    private enum Outcome { ACTED_ON, NOTHING_TO_DO, FAILED }

    private Outcome handle(MimeMessage message) {
        IncomingReport report;
        try {
            report = IncomingReports.read(message);
        } catch (MessagingException | IOException | RuntimeException e) {
            // The store could not hand it over (a report that does not parse comes back as OTHER instead): next time.
            LOG.log(Level.INFO, "A message of the bounce mailbox could not be read, tried again next time: {0}", e.getMessage());
            return Outcome.FAILED;
        }
        if (report.kind() == IncomingReport.Kind.OTHER) {
            return Outcome.NOTHING_TO_DO; // an out-of-office reply or the like
        }
        OptionalLong outboxId = outboxRow(report);
        if (outboxId.isEmpty()) {
            OptionalLong named = report.originalMessageId() == null ? OptionalLong.empty()
                    : OutboxTag.of(settings.bounceSecret()).fromMessageId(report.originalMessageId());
            LOG.log(Level.INFO, named.isPresent()
                    ? "A report in the bounce mailbox names outbox email " + named.getAsLong() + " by its Message-ID only, not by its "
                    + "return path (anyone a reply reached knows a Message-ID): set aside, not acted on: {0}"
                    : "A report in the bounce mailbox names no email of LorKit''s (or a forged one), set aside: {0}", report.reportMessageId());
            return Outcome.NOTHING_TO_DO;
        }
        OptionalLong owner = outbox.agencyOf(outboxId.getAsLong());
        if (owner.isEmpty()) {
            return Outcome.NOTHING_TO_DO; // the email was erased with its student
        }
        long agency = owner.getAsLong();
        DeliveryEventKind kind = kind(report);
        if (kind == null) {
            return Outcome.NOTHING_TO_DO; // delivered, relayed, or a complaint that is not one (not-spam)
        }
        // One fact per report and row: a report's Message-ID is not unique across senders, and one report may name several rows.
        String source = "report:" + sha256(report.reportMessageId() != null ? report.reportMessageId() : raw(message)) + ":"
                + outboxId.getAsLong() + ":" + kind;
        // In the agency for the line about a failure too.
        try (CurrentAgency.Scope in = CurrentAgency.enter(agency)) {
            try {
                return problems.record(outboxId.getAsLong(), kind, detail(report), source) ? Outcome.ACTED_ON : Outcome.NOTHING_TO_DO;
            } catch (RuntimeException e) {
                if (problems.recorded(source)) {
                    return Outcome.NOTHING_TO_DO; // another reader recorded it at the same moment
                }
                LOG.log(Level.WARNING, "A bounce report for outbox email {0} could not be recorded, read again next time: {1}",
                        new Object[]{outboxId.getAsLong(), e.getMessage()});
                return Outcome.FAILED;
            }
        }
    }

    /**
     * The outbox row the report is about, only from a return path's tag that verifies: the address the report came back
     * to, then the envelope sender the report shows of the original. Only mail servers see a return path; a
     * Message-ID's tag (which a writer's reply passes on to the student) never makes LorKit act.
     */
    private OptionalLong outboxRow(IncomingReport report) {
        OutboxTag tag = OutboxTag.of(settings.bounceSecret());
        return Stream.concat(report.addressedTo().stream(), report.originalReturnPaths().stream())
                .map(tag::fromAddress).filter(OptionalLong::isPresent).findFirst().orElse(OptionalLong.empty());
    }

    /** The complaints that stop mail to an address (RFC 5965 feedback types); not-spam, opt-out and the like do not. */
    static final java.util.Set<String> COMPLAINTS = java.util.Set.of("abuse", "fraud", "virus");

    /**
     * What a report means. Failed, read by its status as the relay's own answers are (SmtpReply): a bad or full
     * mailbox (5.1.x, 5.2.x, 5.4.x) is a bounce; a refusal for policy (5.7.x: DMARC, a blocked sender) or a failure
     * after the retries ran out (4.x.x) means the mail is not coming, but the address is not at fault. Delayed is
     * news for the history. A complaint of abuse, fraud or a virus stops mail to the address. Anything else
     * (delivered, relayed, not-spam) changes nothing.
     */
    static DeliveryEventKind kind(IncomingReport report) {
        if (report.kind() == IncomingReport.Kind.FEEDBACK) {
            return COMPLAINTS.contains(report.feedbackType() == null ? "abuse" : report.feedbackType()) ? DeliveryEventKind.COMPLAINED : null;
        }
        java.util.Optional<IncomingReport.Recipient> failed = report.recipients().stream()
                .filter(r -> r.action() == IncomingReport.Action.FAILED).findFirst();
        if (failed.isPresent()) {
            String status = failed.get().status();
            return status == null || org.lorkit.domain.outbox.SmtpReply.classify(status) == org.lorkit.domain.outbox.SmtpReply.Outcome.BOUNCE
                    ? DeliveryEventKind.BOUNCED : DeliveryEventKind.GAVE_UP;
        }
        boolean delayed = report.recipients().stream().anyMatch(r -> r.action() == IncomingReport.Action.DELAYED);
        return delayed ? DeliveryEventKind.DELAYED : null;
    }

    /** The words the history and the emails show: the remote server's answer, or the status code. */
    private static String detail(IncomingReport report) {
        if (report.kind() == IncomingReport.Kind.FEEDBACK) {
            return "a complaint (" + (report.feedbackType() == null ? "abuse" : report.feedbackType()) + ") from the recipient's mailbox provider";
        }
        return report.recipients().stream().map(r -> r.diagnostic() != null ? r.diagnostic() : r.status() != null ? "status " + r.status() : null)
                .filter(d -> d != null).findFirst().orElse(null);
    }

    private static String raw(MimeMessage message) {
        try (var out = new java.io.ByteArrayOutputStream()) {
            message.writeTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException | MessagingException e) {
            return String.valueOf(System.identityHashCode(message));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
