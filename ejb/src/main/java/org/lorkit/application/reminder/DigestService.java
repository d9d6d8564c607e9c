package org.lorkit.application.reminder;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.lorkit.application.TenantData;
import org.lorkit.application.agency.StaffDirectory;
import org.lorkit.application.agency.StaffDirectory.StaffMember;
import org.lorkit.application.mail.DigestMail;
import org.lorkit.application.mail.LetterMails;
import org.lorkit.domain.agency.Agency;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.outbox.DailyDigest;
import org.lorkit.domain.outbox.DailyDigest.Letter;
import org.lorkit.domain.outbox.DailyDigest.MailNews;
import org.lorkit.domain.outbox.DailyDigest.OpenLetter;
import org.lorkit.domain.outbox.DailyDigest.StateChange;
import org.lorkit.domain.outbox.DailyDigest.Window;
import org.lorkit.domain.outbox.DeliveryEventKind;
import org.lorkit.domain.outbox.DigestRun;
import org.lorkit.domain.outbox.MailKind;
import org.lorkit.domain.shared.DomainException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily digest of one agency (the one in context): what fell through on one of its local days, and what still
 * waits when it ends, to each of its staff who has not switched it off. Made once per agency and day (a DigestRun
 * row, unique per day), in one short transaction; {@link DigestScheduler} asks each agency in turn.
 * <p>
 * Statements per agency and day: the run check, the agency, the day's state changes (with names), the day's mail
 * news, the names of the requests that news is about (when there is any), the open requests that wait (with names),
 * the run row; and when there is something to say, the staff who switched the digest off, then per recipient the
 * outbox's dedup check and the email, and the run row's count. Keycloak is asked for the staff only when there is
 * something to say. A digest already made costs the agency and the run check only.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DigestService {
    private static final Logger LOG = Logger.getLogger(DigestService.class.getName());
    private static final Set<LetterState> FALLING_THROUGH = EnumSet.of(LetterState.NOT_COMING, LetterState.DECLINED);
    private static final Set<DeliveryEventKind> UNDELIVERED = EnumSet.of(DeliveryEventKind.BOUNCED, DeliveryEventKind.COMPLAINED);
    private static final Set<LetterState> AWAITING = EnumSet.of(LetterState.KIT_SENT, LetterState.CONFIRMED,
            LetterState.REMINDED_1, LetterState.REMINDED_2);

    // Not the tenant's: lists every agency, before any is in context.
    @PersistenceContext(unitName = "lorkit")
    EntityManager platform;
    @Inject
    TenantData tenant;
    @Inject
    LetterMails mails;
    @Inject
    StaffDirectory directory;
    @Inject
    Clock clock;

    /** The agencies whose digests the scheduler queues (it enters each one in turn). */
    public List<Long> agencies() {
        return platform.createNamedQuery("Agency.allIds", Long.class).getResultList();
    }

    /**
     * Queues the digest that is due now in the agency's own time zone: once its clock has passed this hour, that of
     * yesterday; before it, that of the day before (made then if no server ran when it was due). Returns how many
     * emails were queued: none when that digest was made already, or the day had nothing to say.
     */
    public int queueDue(int hour) {
        return queue(Window.dueAt(clock.instant(), agency().getTimeZone(), hour));
    }

    /**
     * Queues the agency's digest of that local day (midnight to midnight in its time zone), once: a second call, or a
     * second node, queues nothing. The day must be over. Returns how many emails were queued: one per staff member
     * who has not switched the digest off, or none when the day had nothing to say.
     */
    public int queueDigests(LocalDate day) {
        return queue(new Window(day, agency().getTimeZone()));
    }

    private int queue(Window window) {
        Instant now = clock.instant();
        if (!window.isOverAt(now)) {
            throw new DomainException("day", "The digest of " + org.lorkit.domain.shared.Dates.day(window.day()) + " is made once that day is over in the agency's time zone");
        }
        EntityManager em = tenant.em();
        if (em.createNamedQuery("DigestRun.countForDay", Long.class).setParameter("day", window.day()).getSingleResult() > 0) {
            return 0;
        }
        // The run row first: a second node making the same digest now waits on its unique key here, then fails.
        DigestRun run = new DigestRun(window.day(), now);
        em.persist(run);
        em.flush();
        DailyDigest digest = DailyDigest.of(window, changes(em, window), news(em, window), open(em, window));
        if (digest.isEmpty()) {
            LOG.log(Level.FINE, "Agency {0} had nothing to tell its staff about {1}", new Object[]{tenant.agencyId(), window.day()});
            return 0;
        }
        Set<String> switchedOff = new HashSet<>(em.createNamedQuery("StaffPreference.digestOff", String.class).getResultList());
        int queued = 0;
        for (StaffMember member : directory.staff()) {
            if (member.email() == null || switchedOff.contains(member.userId())) {
                continue;
            }
            try {
                // Due at the end of the day it tells: the outbox's key (recipient, scope, day) is then the same on every try.
                if (mails.enqueueForStaff(MailKind.DIGEST, member.email(), DigestMail.scope(window.day()), DigestMail.model(digest, member),
                        window.end())) {
                    queued++;
                }
            } catch (DomainException refused) {
                // An address the outbox refuses (Keycloak holds something that is no address): the others still get theirs.
                LOG.log(Level.WARNING, "No digest for staff login {0} of agency {1}: {2}",
                        new Object[]{member.userId(), tenant.agencyId(), refused.getMessage()});
            }
        }
        run.queued(queued);
        LOG.log(Level.INFO, "Agency {0}: the digest of {1} ({2} lines) queued for {3} staff",
                new Object[]{tenant.agencyId(), window.day(), digest.itemCount(), queued});
        return queued;
    }

    /** The day's moves into "not coming" or "declined", with the names and the state each request is in now. */
    private static List<StateChange> changes(EntityManager em, Window window) {
        return em.createNamedQuery("LetterRequestEvent.fallingThroughBetween", Object[].class)
                .setParameter("states", FALLING_THROUGH)
                .setParameter("start", window.start()).setParameter("end", window.end())
                .getResultList().stream()
                .map(row -> new StateChange(letter(row), (LetterState) row[3], (LetterState) row[4], (LetterState) row[5],
                        (String) row[6], (Instant) row[7]))
                .toList();
    }

    /** The day's bounces and complaints, named by their request's student and writer when they concern one. */
    private static List<MailNews> news(EntityManager em, Window window) {
        List<Object[]> rows = em.createNamedQuery("DeliveryEvent.undeliveredBetween", Object[].class)
                .setParameter("kinds", UNDELIVERED)
                .setParameter("start", window.start()).setParameter("end", window.end())
                .getResultList();
        Set<Long> requestIds = new HashSet<>();
        rows.stream().filter(row -> row[0] != null).forEach(row -> requestIds.add((Long) row[0]));
        Map<Long, Letter> letters = new HashMap<>();
        if (!requestIds.isEmpty()) {
            em.createNamedQuery("LetterRequest.namesOf", Object[].class)
                    .setParameter("ids", requestIds).getResultList()
                    .forEach(row -> letters.put((Long) row[0], letter(row)));
        }
        return rows.stream()
                .map(row -> new MailNews(row[0] == null ? null : letters.get((Long) row[0]), (String) row[1], (DeliveryEventKind) row[2],
                        (Instant) row[3]))
                .toList();
    }

    /** The requests that may still wait when the day ends: a strong yes of more than a day, an awaited letter past its deadline. */
    private static List<OpenLetter> open(EntityManager em, Window window) {
        return em.createNamedQuery("LetterRequest.stillWaiting",
                        Object[].class)
                .setParameter("yes", LetterState.STRONG_YES)
                .setParameter("yesBefore", window.end().minus(DailyDigest.KIT_AFTER_YES))
                .setParameter("awaiting", AWAITING)
                .setParameter("day", window.day())
                .getResultList().stream()
                .map(row -> new OpenLetter(letter(row), (LetterState) row[3], (Instant) row[4], (LocalDate) row[5]))
                .toList();
    }

    private static Letter letter(Object[] row) {
        return new Letter((Long) row[0], (String) row[1], (String) row[2]);
    }

    private Agency agency() {
        return tenant.agency();
    }
}
