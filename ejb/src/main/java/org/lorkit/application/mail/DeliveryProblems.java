package org.lorkit.application.mail;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.application.agency.StaffDirectory;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.MailProblem;
import org.lorkit.domain.outbox.DeliveryEvent;
import org.lorkit.domain.outbox.DeliveryEventKind;
import org.lorkit.domain.outbox.MailKind;
import org.lorkit.domain.outbox.OutboxEmail;
import org.lorkit.domain.outbox.OutboxStatus;
import org.lorkit.domain.outbox.SuppressedAddress;
import org.lorkit.infrastructure.persistence.Finder;
import org.lorkit.infrastructure.tenancy.TenantEntityManager;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What it means when an email does not get through, in one place whether the relay said so at once or a report
 * said so days later: the outbox row, the request's flag and history, and who is told. Each fact is recorded as a
 * {@link DeliveryEvent} under a source key that is unique per agency, in the same transaction as its consequences:
 * the same report read twice (two nodes, a crash before the mailbox was tidied) changes and sends nothing more.
 * Runs in the agency in context, each call its own transaction.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryProblems {
    private static final Logger LOG = Logger.getLogger(DeliveryProblems.class.getName());
    /** How long mail the relay refuses for a reason of setup waits before it is tried again. */
    static final long HOLD_SECONDS = 300;

    @Inject
    TenantEntityManager tenant;
    @Inject
    LetterMails mails;
    @Inject
    StaffDirectory staff;
    @Inject
    Clock clock;

    /**
     * Records what became of the email and acts on it; false when this source was recorded before (nothing done).
     * BOUNCED: the row is bounced, an open request shows it and the student and the agency are told. DELAYED: the
     * request's history only. COMPLAINED: the address gets no more mail from this agency until staff allow it again.
     * GAVE_UP: the request shows it and the agency's admins are told.
     */
    public boolean record(long outboxId, DeliveryEventKind kind, String detail, String sourceKey) {
        EntityManager em = tenant.get();
        if (em.createNamedQuery("DeliveryEvent.countBySource", Long.class).setParameter("key", sourceKey).getSingleResult() > 0) {
            return false;
        }
        OutboxEmail email = Finder.require(em, OutboxEmail.class, outboxId, "outboxEmailId");
        Instant now = clock.instant();
        em.persist(new DeliveryEvent(email, kind, detail, sourceKey, now));
        em.flush(); // the unique source key decides between two readers of one report before anything else changes
        LetterRequest request = aboutWriter(em, email);
        String what = describe(email) + " to " + email.getToAddress();
        switch (kind) {
            case BOUNCED -> {
                email.markBounced(detail);
                if (request != null) {
                    request.reportMailProblem(MailProblem.BOUNCED);
                    em.persist(request.recordMailNews(what + " bounced" + because(detail), now));
                    mails.enqueue(MailKind.BOUNCED, request, now);
                    mails.enqueue(MailKind.BOUNCED_AGENCY, request, now);
                }
            }
            case DELAYED -> {
                if (request != null) {
                    em.persist(request.recordMailNews("delivery of " + what + " is delayed" + because(detail)
                            + "; the mail servers keep trying", now));
                }
            }
            case COMPLAINED -> complained(em, email, request, detail, now);
            case GAVE_UP -> {
                if (request != null) {
                    request.reportMailProblem(MailProblem.UNDELIVERED);
                    em.persist(request.recordMailNews(what + " could not be delivered after " + email.getAttempts() + " attempts"
                            + because(detail), now));
                }
                alertAdmins(MailKind.MAIL_GAVE_UP, "outbox-" + email.getId(), Map.of("what", what, "error", detail == null ? "" : detail,
                        "attempts", email.getAttempts()), now);
            }
            case HELD_BY_RELAY -> throw new IllegalArgumentException("A held email is recorded by heldByRelay");
        }
        return true;
    }

    /** Whether a fact from this source was recorded (a reader that lost a race to another asks). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean recorded(String sourceKey) {
        return tenant.get().createNamedQuery("DeliveryEvent.countBySource", Long.class).setParameter("key", sourceKey).getSingleResult() > 0;
    }

    /**
     * A failure that may pass (no answer, 4xx): tried again after 30 s, 1 min, 2 min... (at most an hour), with
     * jitter so nodes do not retry in step; after the last attempt the email is given up and that is recorded.
     */
    public void retryOrGiveUp(long outboxId, String error) {
        OutboxEmail email = Finder.require(tenant.get(), OutboxEmail.class, outboxId, "outboxEmailId");
        long base = Math.min(3600, 30L << Math.min(email.getAttempts(), 7));
        long jitter = ThreadLocalRandom.current().nextLong(base / 5 + 1);
        if (email.retryLater(error, clock.instant().plusSeconds(base + jitter), OutboxDelivery.MAX_ATTEMPTS)) {
            record(outboxId, DeliveryEventKind.GAVE_UP, error, "gave-up:" + outboxId);
        }
    }

    /**
     * The relay refused the email for a reason of LorKit's own setup (5.7.x: policy, authentication, relaying
     * denied; other configuration errors): nothing is wrong with the address, so no one is told it bounced. The
     * email waits and is tried again; the agency's admins get one alert a day while it lasts.
     */
    public void heldByRelay(long outboxId, String reply) {
        EntityManager em = tenant.get();
        OutboxEmail email = Finder.require(em, OutboxEmail.class, outboxId, "outboxEmailId");
        Instant now = clock.instant();
        email.holdForRelay(reply, now.plusSeconds(HOLD_SECONDS + ThreadLocalRandom.current().nextLong(HOLD_SECONDS / 5)));
        String key = "held:" + outboxId;
        if (em.createNamedQuery("DeliveryEvent.countBySource", Long.class).setParameter("key", key).getSingleResult() == 0) {
            em.persist(new DeliveryEvent(email, DeliveryEventKind.HELD_BY_RELAY, reply, key, now));
        }
        alertAdmins(MailKind.MAIL_HELD, "relay", Map.of("reply", reply == null ? "" : reply), now);
    }

    private void complained(EntityManager em, OutboxEmail email, LetterRequest request, String detail, Instant now) {
        String address = SuppressedAddress.normalise(email.getToAddress());
        boolean alreadySuppressed = !em.createNamedQuery("SuppressedAddress.active", SuppressedAddress.class)
                .setParameter("address", address).getResultList().isEmpty();
        if (!alreadySuppressed) {
            em.persist(new SuppressedAddress(address, detail, now));
        }
        String why = address + " reported the agency's mail as spam";
        if (request != null) {
            request.reportMailProblem(MailProblem.COMPLAINED);
            em.persist(request.recordMailNews(why + ": LorKit sends it nothing more until staff allow it again", now));
        }
        // Mail still waiting for that address does not go either; the requests it was about show why.
        for (OutboxEmail waiting : em.createQuery("select o from OutboxEmail o where o.toAddress = :address and o.status = :pending",
                OutboxEmail.class).setParameter("address", address).setParameter("pending", OutboxStatus.PENDING).getResultList()) {
            waiting.suppress(why);
            LetterRequest other = aboutWriter(em, waiting);
            if (other != null && !other.equals(request)) {
                other.reportMailProblem(MailProblem.COMPLAINED);
            }
        }
    }

    /** The open request whose writer this email went to, or null (mail to students, staff, a closed request). */
    private static LetterRequest aboutWriter(EntityManager em, OutboxEmail email) {
        if (email.mailKind().recipient() != MailKind.Recipient.ATTENDING || email.getLetterRequestId() == null) {
            return null;
        }
        LetterRequest request = em.find(LetterRequest.class, email.getLetterRequestId());
        return request != null && request.getState().isOpen() ? request : null;
    }

    /**
     * One email to each admin of the agency, once a day per scope (enqueueForStaff's key); to the agency's reply-to
     * address when the admins cannot be listed (Keycloak away) or there are none.
     */
    private void alertAdmins(MailKind kind, String scope, Map<String, Object> model, Instant now) {
        List<String> to;
        try {
            to = staff.admins().stream().map(StaffDirectory.StaffMember::email).filter(e -> e != null && !e.isBlank()).toList();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The agency''s admins could not be listed for a mail alert ({0}); it goes to the reply-to address",
                    e.getMessage());
            to = List.of();
        }
        if (to.isEmpty()) {
            String replyTo = mails.agencyReplyTo();
            to = replyTo == null ? List.of() : List.of(replyTo);
        }
        for (String address : to) {
            mails.enqueueForStaff(kind, address, scope, model, now);
        }
    }

    private static String describe(OutboxEmail email) {
        return switch (email.mailKind()) {
            case KIT -> "the kit email";
            case REMINDER_1, REMINDER_2 -> "the reminder";
            case FRESH_LINK -> "the email with fresh links";
            default -> "the email \"" + email.getSubject() + "\"";
        };
    }

    private static String because(String detail) {
        return detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")";
    }
}
