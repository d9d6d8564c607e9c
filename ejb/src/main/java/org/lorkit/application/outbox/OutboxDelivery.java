package org.lorkit.application.outbox;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import javax.sql.DataSource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.lorkit.settings.Settings;
import org.lorkit.application.TenantData;
import org.lorkit.application.mail.LetterMails;
import org.lorkit.domain.outbox.OutboxEmail;
import org.lorkit.domain.outbox.OutboxStatus;
import org.lorkit.infrastructure.metrics.Meters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox's transactions, each short and on its own: claim due rows of one of its tables (one sender per row, on
 * any number of nodes), render a batch of one agency's emails (minting their links), renew a row's claim just before
 * it is sent, and record an email as sent right after the server accepted it. SMTP itself runs outside them; what a
 * failure means is {@link DeliveryProblems}'. The webhook deliveries' own transactions are {@link WebhookOutbox}'s.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxDelivery {
    /**
     * How long a sender owns a row after claiming or renewing it, before another (or this node, restarted) may take
     * it over. Renewed just before each send, so it must outlast one send only: each of its socket operations
     * (connect, greeting, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, the body, the final reply) times out after
     * {@value org.lorkit.infrastructure.mail.SmtpMailer#TIMEOUT_MILLIS} ms, about two minutes at the very worst.
     */
    static final Duration LEASE = Duration.ofSeconds(Settings.number(Settings.OUTBOX_LEASE_SECONDS, 300));
    /** This node, and this start of it: a node that starts again frees the claims its earlier self left. */
    static final String NODE = Settings.text(Settings.NODE_NAME, "lorkit");
    static final String CLAIMANT = NODE + ":" + java.util.UUID.randomUUID();

    // Not the tenant's: the outbox is claimed across agencies, before any is in context.
    @PersistenceContext(unitName = "lorkit")
    EntityManager platform;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;
    @Inject
    TenantData tenant;
    @Inject
    LetterMails mails;
    @Inject
    org.lorkit.application.webhook.WebhookEvents webhooks;
    @Inject
    Clock clock;
    @Inject
    Meters meters;

    /** A claimed row: its id and its agency (the sender has no request to take the tenant from). */
    public record Claimed(long id, long agencyId) {
    }

    /**
     * Claims up to {@code limit} due rows of one of the outbox's tables across agencies. On PostgreSQL the candidates
     * are read with FOR UPDATE SKIP LOCKED; on every database the claim itself is a conditional update, so two senders
     * never own the same row.
     */
    public List<Claimed> claim(OutboxQueue queue, int limit) {
        Instant now = clock.instant();
        List<Claimed> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = isPostgres(connection);
            String candidates = "SELECT o.id, o.agency_id FROM " + queue.table() + " o WHERE o.status = 'PENDING' AND o.due_at <= ? "
                    + "AND (o.claimed_until IS NULL OR o.claimed_until < ?)" + queue.alsoDue() + " ORDER BY o.due_at, o.id LIMIT " + limit
                    + (postgres ? " FOR UPDATE OF o SKIP LOCKED" : "");
            List<Claimed> due = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(candidates)) {
                select.setTimestamp(1, Timestamp.from(now));
                select.setTimestamp(2, Timestamp.from(now));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        due.add(new Claimed(rows.getLong(1), rows.getLong(2)));
                    }
                }
            }
            try (PreparedStatement take = connection.prepareStatement("UPDATE " + queue.table() + " SET claimed_until = ?, claimed_by = ? "
                    + "WHERE id = ? AND agency_id = ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)")) {
                for (Claimed row : due) {
                    take.setTimestamp(1, Timestamp.from(now.plus(LEASE)));
                    take.setString(2, CLAIMANT);
                    take.setLong(3, row.id());
                    take.setLong(4, row.agencyId());
                    take.setTimestamp(5, Timestamp.from(now));
                    if (take.executeUpdate() == 1) {
                        claimed.add(row);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim outbox rows: " + e.getMessage(), e);
        }
        return claimed;
    }

    /**
     * Renews this sender's claim on a row just before sending it, so that the lease covers this one send however
     * long the batch before it took. False when the row is no longer this node's to send (its lease ran out and
     * another sender took it, or it was handled meanwhile): then it is not sent.
     */
    public boolean renew(OutboxQueue queue, Claimed row) {
        return update("UPDATE " + queue.table() + " SET claimed_until = ? WHERE id = ? AND agency_id = ? AND claimed_by = ? AND status = 'PENDING'",
                Timestamp.from(clock.instant().plus(LEASE)), row.id(), row.agencyId(), CLAIMANT) == 1;
    }

    /**
     * At start-up: the claims this node held before it stopped (killed in the middle of a batch) are free at once,
     * instead of after their lease, in every table of the outbox. Node names are unique in a cluster, and no sender
     * of this start has run yet.
     */
    public int freeClaimsOfEarlierStarts() {
        int freed = 0;
        for (OutboxQueue queue : OutboxQueue.values()) {
            freed += update("UPDATE " + queue.table() + " SET claimed_until = NULL, claimed_by = NULL WHERE status = 'PENDING' "
                    + "AND claimed_by LIKE ? AND claimed_by <> ?", NODE.replace("%", "\\%").replace("_", "\\_") + ":%", CLAIMANT);
        }
        return freed;
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the outbox: " + e.getMessage(), e);
        }
    }

    /** The agency an outbox row belongs to, for a reader that has only its id (from a bounce report); empty once erased. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.OptionalLong agencyOf(long outboxId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT agency_id FROM outbox_email WHERE id = ?")) {
            select.setLong(1, outboxId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? java.util.OptionalLong.of(row.getLong(1)) : java.util.OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox: " + e.getMessage(), e);
        }
    }

    /** Whether claims skip rows another sender holds (PostgreSQL), so that several senders can claim at once. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean claimsSkipLocked() {
        try (Connection connection = dataSource.getConnection()) {
            return isPostgres(connection);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    }

    /**
     * Renders claimed rows of the agency in context (the caller has entered it), in one transaction, and keeps
     * each one's Message-ID for retries. A row to an address that has since reported the agency's mail as spam is
     * not rendered but suppressed, whatever kind it is (a complaint may come after the email was queued); a row to the
     * attending about a request closed since it was queued is cancelled, and so is a student's ask-window email whose
     * window has closed or whose rotation has nobody left to ask.
     */
    public Map<Long, LetterMails.Rendered> render(List<Long> ids) {
        Map<Long, LetterMails.Rendered> rendered = new LinkedHashMap<>();
        List<OutboxEmail> emails = ids.stream().map(id -> tenant.require(OutboxEmail.class, id, "outboxEmailId")).toList();
        java.util.Set<String> suppressed = new java.util.HashSet<>(tenant.em().createNamedQuery("SuppressedAddress.activeAmong", String.class)
                .setParameter("addresses", emails.stream().map(e -> e.getToAddress().toLowerCase(java.util.Locale.ROOT)).distinct().toList())
                .getResultList());
        for (OutboxEmail email : emails) {
            long id = email.getId();
            if (suppressed.contains(email.getToAddress().toLowerCase(java.util.Locale.ROOT))) {
                email.suppress("the address reported the agency's mail as spam");
                continue;
            }
            if (email.getLetterRequestId() != null) {
                org.lorkit.domain.letter.LetterRequest request = tenant.em().find(org.lorkit.domain.letter.LetterRequest.class,
                        email.getLetterRequestId());
                if (request != null && !email.mailKind().stillWanted(request.getState())) {
                    // Queued while the request was open; withdrawn, declined or corrected to a no since: the attending
                    // is not asked for a letter nobody wants any more (and gets no link to it).
                    email.cancel("the request was closed (" + org.lorkit.domain.shared.Labels.inSentence(request.getState())
                            + ") before this email went");
                    continue;
                }
            }
            LetterMails.Rendered mail;
            if (email.getRotationId() != null) {
                // The ask-window email is wanted while its rule still holds (AskWindowReminder): the window open, and
                // someone on the rotation left to ask.
                java.util.Optional<LetterMails.Rendered> wanted = mails.renderAboutRotation(email);
                if (wanted.isEmpty()) {
                    email.cancel("the ask window closed, or nobody on the rotation was left to ask, before this email went");
                    continue;
                }
                mail = wanted.get();
            } else {
                mail = mails.render(email, clock.instant());
            }
            email.assignMessageId(mail.mail().messageId());
            rendered.put(id, mail);
        }
        return rendered;
    }

    /**
     * Records one row of the agency in context as sent, right after the server accepted it: a node killed later in
     * its batch does not send this one again. (The sender tries this more than once: see OutboxSender.) A kit or a
     * reminder raises its webhook event here, when it really left.
     */
    public void sent(long id, LetterMails.Rendered rendered) {
        OutboxEmail email = tenant.require(OutboxEmail.class, id, "outboxEmailId");
        Instant now = clock.instant();
        // kit.sent and reminder.sent, in this same transaction; first, so that the request's row is locked before the
        // outbox row is written, in the order a business transaction takes them.
        webhooks.mailSent(email, now);
        email.markSent(rendered.mail().messageId(), rendered.keptText(), rendered.keptHtml(), now);
        meters.mail(Meters.Mail.SENT, email.mailKind());
    }

    /**
     * The due, unsent emails of every agency: how many, and since when the oldest has been due. Across agencies like
     * the claim (the senders, the metrics and readiness look at the whole outbox, before any agency is in context),
     * and only a count and a moment leave this method, nothing of any agency's mail. One statement on the index
     * ix_outbox_due (status, due_at).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public OutboxBacklog backlog() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(*), MIN(due_at) FROM outbox_email WHERE status = 'PENDING' AND due_at <= ?")) {
            select.setTimestamp(1, Timestamp.from(clock.instant()));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                Timestamp oldest = row.getTimestamp(2);
                return new OutboxBacklog(row.getLong(1), oldest == null ? null : oldest.toInstant());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox: " + e.getMessage(), e);
        }
    }

    /** How many rows are still waiting, for tests and the operator. */
    public long pending() {
        return platform.createNamedQuery("OutboxEmail.countByStatus", Long.class)
                .setParameter("pending", OutboxStatus.PENDING).getSingleResult();
    }
}
