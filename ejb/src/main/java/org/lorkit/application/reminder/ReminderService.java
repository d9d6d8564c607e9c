package org.lorkit.application.reminder;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.persistence.config.EntityManagerProperties;
import org.eclipse.persistence.sessions.UnitOfWork.CommitOrderType;
import org.lorkit.application.TenantData;
import org.lorkit.application.mail.LetterMails;
import org.lorkit.domain.agency.Agency;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.letter.ReminderPolicy;
import org.lorkit.domain.outbox.MailKind;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/**
 * The reminder sweep of one agency: every request awaiting its letter whose next step (by the agency's
 * policy) is due gets it: reminder 1, reminder 2, or "not coming". Each state change and its emails are one
 * transaction, and each email's key (request, kind, day) is unique, so a sweep that runs twice, or on two
 * nodes, sends nothing twice. {@link ReminderScheduler} reads the due ids, then sweeps them in chunks.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReminderService {
    static final String ACTOR = "LorKit reminders";

    // Not the tenant's: lists every agency, before any is in context.
    @PersistenceContext(unitName = "lorkit")
    EntityManager platform;
    @Inject
    TenantData tenant;
    @Inject
    org.lorkit.application.letter.LetterHistory history;
    @Inject
    LetterMails mails;
    @Inject
    Clock clock;

    /** The agencies to sweep (the caller enters each one in turn). */
    public List<Long> agencies() {
        return platform.createNamedQuery("Agency.allIds", Long.class).getResultList();
    }

    /**
     * The ids of the agency's requests (the caller has entered it) whose next step may be due today, in id order.
     * The database narrows with the policy's dates; {@link #sweep(List)} asks the policy itself, which stays the
     * one rule that decides (it also reads remindOn, which replaces the date).
     */
    public List<Long> dueRequests() {
        ReminderPolicy policy = policy();
        LocalDate today = tenant.today();
        return tenant.em().createNamedQuery("LetterRequest.mayBeDueForReminder", Long.class)
                .setParameter("today", today)
                .setParameter("beforeLast", EnumSet.of(LetterState.KIT_SENT, LetterState.CONFIRMED, LetterState.REMINDED_1))
                .setParameter("first", EnumSet.of(LetterState.KIT_SENT, LetterState.CONFIRMED))
                .setParameter("firstDue", today.minusDays(policy.firstReminderAfterKitDays()))
                .setParameter("reminded1", LetterState.REMINDED_1)
                .setParameter("secondDue", today.minusDays(policy.secondReminderAfterFirstDays()))
                .setParameter("reminded2", LetterState.REMINDED_2)
                .setParameter("giveUpDue", today.minusDays(policy.notComingAfterSecondDays()))
                .getResultList();
    }

    /**
     * Gives each of these requests of the agency in context its next step, if it is (still) due: one short
     * transaction per chunk, so a busy day neither holds one long transaction nor grows one unit of work.
     * The domain decides each request ({@link ReminderPolicy#nextStep}, {@link LetterRequest#moveTo}, the mail kinds);
     * what the chunk writes (the requests' updates, their events, their emails) is written together at the end, in
     * JDBC batches (EclipseLink's batch writing, persistence.xml). For that nothing in the loop may ask the database:
     * a query would flush what is pending one request at a time. So everything the decisions read is read up front,
     * once per chunk: the requests with their student, writer and rotation, the emails already queued, the writers'
     * suppressed addresses. The requests' updates keep their version check; a request changed meanwhile by someone
     * else fails the chunk, which the next sweep does again.
     */
    public int sweep(List<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return 0;
        }
        EntityManager em = tenant.em();
        // Updates ordered by what they change, then by id (not by id alone): the chunk's updates then come as a few runs
        // of the same statement, which is what a JDBC batch can carry.
        em.setProperty(EntityManagerProperties.PERSISTENCE_CONTEXT_COMMIT_ORDER, CommitOrderType.CHANGES.name());
        ReminderPolicy policy = policy();
        LocalDate today = tenant.today();
        java.time.ZonedDateTime at = tenant.now();
        Instant now = at.toInstant();
        List<LetterRequest> requests = em.createNamedQuery("LetterRequest.findByIdsForReminder", LetterRequest.class)
                .setParameter("ids", requestIds).getResultList();
        LetterMails.Prepared prepared = mails.prepareFor(requests);
        history.prepareForBatch();
        int moved = 0;
        for (LetterRequest request : requests) {
            var step = policy.nextStep(request).filter(s -> s.isDue(today));
            if (step.isEmpty()) {
                continue;
            }
            switch (step.get().action()) {
                case FIRST_REMINDER -> {
                    history.record(request.moveTo(LetterState.REMINDED_1, ACTOR, "no letter yet: first gentle reminder", at));
                    // The student hears of a reminder only when one goes (not to an address that complained).
                    if (mails.enqueue(MailKind.REMINDER_1, request, now, prepared)) {
                        mails.enqueue(MailKind.REMINDER_SENT, request, now, prepared);
                    }
                }
                case SECOND_REMINDER -> {
                    history.record(request.moveTo(LetterState.REMINDED_2, ACTOR, "no letter yet: second and last reminder", at));
                    if (mails.enqueue(MailKind.REMINDER_2, request, now, prepared)) {
                        mails.enqueue(MailKind.REMINDER_SENT, request, now, prepared);
                    }
                }
                case GIVE_UP -> {
                    history.record(request.moveTo(LetterState.NOT_COMING, ACTOR, "no letter after two reminders", at));
                    mails.enqueue(MailKind.NOT_COMING, request, now, prepared);
                }
            }
            moved++;
        }
        // Every move went through the history, which reported its student: StandingRefresh counts their standings again
        // when this call ends, in this transaction.
        em.flush();
        return moved;
    }

    private ReminderPolicy policy() {
        return tenant.agency().getReminderPolicy();
    }
}
