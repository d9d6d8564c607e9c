package org.lorkit.application.outbox;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.application.TenantData;
import org.lorkit.application.mail.LetterMails;
import org.lorkit.application.mail.MailAlerts;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.MailProblem;
import org.lorkit.domain.outbox.DeliveryEvent;
import org.lorkit.domain.outbox.DeliveryEventKind;
import org.lorkit.domain.outbox.MailKind;
import org.lorkit.domain.outbox.OutboxEmail;
import org.lorkit.domain.outbox.OutboxStatus;
import org.lorkit.domain.outbox.RetryPolicy;
import org.lorkit.domain.outbox.SuppressedAddress;
import org.lorkit.infrastructure.metrics.Meters;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
    @Inject
    org.lorkit.application.dashboard.StandingChanges standings;
    @Inject
    TenantData tenant;
    @Inject
    org.lorkit.application.letter.LetterHistory history;
    @Inject
    LetterMails mails;
    @Inject
    MailAlerts alerts;
    @Inject
    org.lorkit.application.webhook.WebhookEvents webhooks;
    @Inject
    Clock clock;
    @Inject
    Meters meters;

    /**
     * Records what became of the email and acts on it; false when this source was recorded before (nothing done).
     * BOUNCED: the row is bounced, an open request shows it and the student and the agency are told. DELAYED: the
     * request's history only. COMPLAINED: the address gets no more mail from this agency until staff allow it again.
     * GAVE_UP: the request shows it and the agency's admins are told (once a day). A report about an address the
     * request has since stopped using (corrected) only goes into its history.
     */
    public boolean record(long outboxId, DeliveryEventKind kind, String detail, String sourceKey) {
        EntityManager em = tenant.em();
        if (recorded(sourceKey)) {
            return false;
        }
        OutboxEmail email = tenant.require(OutboxEmail.class, outboxId, "outboxEmailId");
        Instant now = clock.instant();
        em.persist(new DeliveryEvent(email, kind, detail, sourceKey, now));
        em.flush(); // the unique source key decides between two readers of one report before anything else changes
        count(kind, email.mailKind());
        LetterRequest request = aboutWriter(em, email);
        String what = describe(email) + " to " + email.getToAddress();
        // News about an address the request no longer uses (corrected since) is history, not a problem of today's.
        boolean current = request != null && email.getToAddress().equalsIgnoreCase(request.getWriterEmail());
        if (request != null && !current && kind != DeliveryEventKind.COMPLAINED) {
            history.record(request.recordMailNews("a late report about " + what + ", an address this letter no longer uses: "
                    + org.lorkit.domain.shared.Labels.inSentence(kind) + because(detail), now));
            if (kind == DeliveryEventKind.BOUNCED) {
                email.markBounced(detail);
            }
            return true;
        }
        switch (kind) {
            case BOUNCED -> {
                email.markBounced(detail);
                if (request != null) {
                    request.reportMailProblem(MailProblem.BOUNCED);
                    history.record(request.recordMailNews(what + " bounced" + because(detail), now));
                    webhooks.mailBounced(email, request, now);
                    mails.enqueue(MailKind.BOUNCED, request, now);
                    mails.enqueue(MailKind.BOUNCED_AGENCY, request, now);
                }
            }
            case DELAYED -> {
                if (request != null) {
                    history.record(request.recordMailNews("delivery of " + what + " is delayed" + because(detail)
                            + "; the mail servers keep trying", now));
                }
            }
            case COMPLAINED -> complained(em, email, current ? request : null, detail, now);
            case GAVE_UP -> {
                email.markUndelivered(detail);
                if (request != null) {
                    request.reportMailProblem(MailProblem.UNDELIVERED);
                    history.record(request.recordMailNews(what + " could not be delivered" + because(detail), now));
                }
                // Not about mail to staff itself: an alert that cannot be delivered must not beget alerts.
                if (email.mailKind().recipient() != MailKind.Recipient.STAFF) {
                    alerts.alertAdmins(MailKind.MAIL_GAVE_UP, "gave-up", Map.of("what", what, "error", detail == null ? "" : detail), now);
                }
            }
            case HELD_BY_RELAY -> throw new IllegalArgumentException("A held email is recorded by heldByRelay");
        }
        return true;
    }

    /** Whether a fact from this source was recorded (a reader that lost a race to another asks). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean recorded(String sourceKey) {
        return tenant.em().createNamedQuery("DeliveryEvent.countBySource", Long.class).setParameter("key", sourceKey).getSingleResult() > 0;
    }

    /**
     * A failure that may pass (no answer, 4xx): tried again as {@link RetryPolicy} schedules it; after the last
     * attempt the email is given up and that is recorded.
     */
    public void retryOrGiveUp(long outboxId, String error) {
        OutboxEmail email = tenant.require(OutboxEmail.class, outboxId, "outboxEmailId");
        Instant next = RetryPolicy.nextAttempt(email.getAttempts(), clock.instant(), ThreadLocalRandom.current());
        if (email.retryLater(error, next, RetryPolicy.MAX_ATTEMPTS)) {
            record(outboxId, DeliveryEventKind.GAVE_UP, "after " + email.getAttempts() + " attempts: " + error, "gave-up:" + outboxId);
        } else {
            meters.mail(Meters.Mail.RETRIED, email.mailKind());
        }
    }

    /**
     * The relay refused the email for a reason of LorKit's own setup (5.7.x: policy, authentication, relaying
     * denied; other configuration errors): nothing is wrong with the address, so no one is told it bounced. The
     * email waits and is tried again; the agency's admins get one alert a day while it lasts.
     */
    public void heldByRelay(long outboxId, String reply) {
        EntityManager em = tenant.em();
        OutboxEmail email = tenant.require(OutboxEmail.class, outboxId, "outboxEmailId");
        Instant now = clock.instant();
        String key = "held:" + outboxId;
        List<DeliveryEvent> held = em.createNamedQuery("DeliveryEvent.findBySource", DeliveryEvent.class)
                .setParameter("key", key).getResultList();
        if (!held.isEmpty() && RetryPolicy.heldTooLong(held.get(0).getOccurredAt(), now)) {
            // Held for days: whatever the relay dislikes, this mail will not get through as it is.
            record(outboxId, DeliveryEventKind.GAVE_UP, "the relay kept refusing it for " + RetryPolicy.HOLD_AT_MOST.toDays() + " days" + because(reply),
                    "gave-up:" + outboxId);
            return;
        }
        email.holdForRelay(reply, RetryPolicy.nextAfterHold(now, ThreadLocalRandom.current()));
        meters.mail(Meters.Mail.HELD, email.mailKind());
        if (held.isEmpty()) {
            em.persist(new DeliveryEvent(email, DeliveryEventKind.HELD_BY_RELAY, reply, key, now));
        }
        if (email.mailKind().recipient() != MailKind.Recipient.STAFF) {
            alerts.alertAdmins(MailKind.MAIL_HELD, "relay", Map.of("reply", reply == null ? "" : reply), now);
        }
    }

    /** A fact newly recorded about an email, counted by what it means (a delay is news, not an outcome). */
    private void count(DeliveryEventKind kind, MailKind mailKind) {
        switch (kind) {
            case BOUNCED -> meters.mail(Meters.Mail.BOUNCED, mailKind);
            case GAVE_UP -> meters.mail(Meters.Mail.FAILED, mailKind);
            case COMPLAINED -> meters.mail(Meters.Mail.COMPLAINED, mailKind);
            case DELAYED, HELD_BY_RELAY -> {
            }
        }
    }

    private void complained(EntityManager em, OutboxEmail email, LetterRequest request, String detail, Instant now) {
        String address = SuppressedAddress.normalise(email.getToAddress());
        if (!mails.isSuppressed(address)) {
            em.persist(new SuppressedAddress(address, detail, now));
        }
        String why = address + " reported the agency's mail as spam";
        if (request != null) {
            request.reportMailProblem(MailProblem.COMPLAINED);
            history.record(request.recordMailNews(why + ": LorKit sends it nothing more until staff allow it again", now));
        }
        // Mail still waiting for that address does not go either; the requests it was about show why.
        for (OutboxEmail waiting : em.createNamedQuery("OutboxEmail.findByAddressAndStatus",
                OutboxEmail.class).setParameter("address", address).setParameter("pending", OutboxStatus.PENDING).getResultList()) {
            waiting.suppress(why);
            LetterRequest other = aboutWriter(em, waiting);
            if (other != null && !other.equals(request)) {
                other.reportMailProblem(MailProblem.COMPLAINED);
                standings.student(other.getStudent().getId()); // its kit email counts as bounced
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

    private static String describe(OutboxEmail email) {
        return switch (email.mailKind()) {
            case KIT -> "the kit email";
            case REMINDER_1, REMINDER_2 -> "the reminder";
            case FRESH_LINK -> "the email with fresh links";
            case DEADLINE_CHANGED -> "the email with the new deadline";
            default -> "the email \"" + email.getSubject() + "\"";
        };
    }

    private static String because(String detail) {
        return detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")";
    }
}
