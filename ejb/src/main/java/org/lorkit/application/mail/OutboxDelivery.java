package org.lorkit.application.mail;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import javax.sql.DataSource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.outbox.MailKind;
import org.lorkit.domain.outbox.OutboxEmail;
import org.lorkit.domain.outbox.OutboxStatus;
import org.lorkit.infrastructure.persistence.Finder;
import org.lorkit.infrastructure.tenancy.TenantEntityManager;

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
import java.util.concurrent.ThreadLocalRandom;

/**
 * The outbox's transactions, each short and on its own: claim due rows (one sender per row, on any number
 * of nodes), render a batch of one agency (minting their links), and record how sending went. SMTP itself runs outside them.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxDelivery {
    /** How long a sender owns a claimed row before another (or the same node after a crash) may take it over. */
    static final Duration LEASE = Duration.ofSeconds(Long.getLong("lorkit.outbox.lease-seconds", 120));
    static final int MAX_ATTEMPTS = 10;

    @PersistenceContext(unitName = "lorkit")
    EntityManager platform;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;
    @Inject
    TenantEntityManager tenant;
    @Inject
    LetterMails mails;
    @Inject
    Clock clock;

    /** A claimed row: its id and its agency (the sender has no request to take the tenant from). */
    public record Claimed(long id, long agencyId) {
    }

    /**
     * Claims up to {@code limit} due rows across agencies. On PostgreSQL the candidates are read with
     * FOR UPDATE SKIP LOCKED; on every database the claim itself is a conditional update, so two senders
     * never own the same row.
     */
    public List<Claimed> claim(int limit) {
        Instant now = clock.instant();
        List<Claimed> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            boolean postgres = isPostgres(connection);
            String candidates = "SELECT id, agency_id FROM outbox_email WHERE status = 'PENDING' AND due_at <= ? "
                    + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY due_at, id LIMIT " + limit
                    + (postgres ? " FOR UPDATE SKIP LOCKED" : "");
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
            try (PreparedStatement take = connection.prepareStatement("UPDATE outbox_email SET claimed_until = ? WHERE id = ? "
                    + "AND agency_id = ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)")) {
                for (Claimed row : due) {
                    take.setTimestamp(1, Timestamp.from(now.plus(LEASE)));
                    take.setLong(2, row.id());
                    take.setLong(3, row.agencyId());
                    take.setTimestamp(4, Timestamp.from(now));
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
     * each one's Message-ID for retries.
     */
    public Map<Long, LetterMails.Rendered> render(List<Long> ids) {
        Map<Long, LetterMails.Rendered> rendered = new LinkedHashMap<>();
        for (long id : ids) {
            OutboxEmail email = Finder.require(tenant.get(), OutboxEmail.class, id, "outboxEmailId");
            LetterMails.Rendered mail = mails.render(email, clock.instant());
            email.assignMessageId(mail.mail().messageId());
            rendered.put(id, mail);
        }
        return rendered;
    }

    /** Records rows of the agency in context as sent, in one transaction. */
    public void sent(Map<Long, LetterMails.Rendered> sent) {
        Instant now = clock.instant();
        sent.forEach((id, rendered) -> Finder.require(tenant.get(), OutboxEmail.class, id, "outboxEmailId")
                .markSent(rendered.mail().messageId(), rendered.keptText(), rendered.keptHtml(), now));
    }

    /** Tries again later, after 30 s, 1 min, 2 min... (at most an hour), with jitter so nodes do not retry in step. */
    public void retry(long id, String error) {
        OutboxEmail email = Finder.require(tenant.get(), OutboxEmail.class, id, "outboxEmailId");
        long base = Math.min(3600, 30L << Math.min(email.getAttempts(), 7));
        long jitter = ThreadLocalRandom.current().nextLong(base / 5 + 1);
        email.retryLater(error, clock.instant().plusSeconds(base + jitter), MAX_ATTEMPTS);
    }

    /** The address was refused for good: the request is marked bounced and the student is told. */
    public void bounced(long id, String error) {
        EntityManager em = tenant.get();
        OutboxEmail email = Finder.require(em, OutboxEmail.class, id, "outboxEmailId");
        email.markBounced(error);
        if (email.mailKind().recipient() == MailKind.Recipient.ATTENDING && email.getLetterRequestId() != null) {
            LetterRequest request = Finder.require(em, LetterRequest.class, email.getLetterRequestId(), "letterRequestId");
            request.reportMailProblem(org.lorkit.domain.letter.MailProblem.BOUNCED);
            mails.enqueue(MailKind.BOUNCED, request, clock.instant());
            mails.enqueue(MailKind.BOUNCED_AGENCY, request, clock.instant());
        }
    }

    /** How many rows are still waiting, for tests and the operator. */
    public long pending() {
        return platform.createQuery("select count(o) from OutboxEmail o where o.status = :pending", Long.class)
                .setParameter("pending", OutboxStatus.PENDING).getSingleResult();
    }
}
