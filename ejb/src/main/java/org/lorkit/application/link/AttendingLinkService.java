package org.lorkit.application.link;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.lorkit.application.TenantData;
import org.lorkit.application.kit.KitContents;
import org.lorkit.application.mail.LetterMails;
import org.lorkit.domain.agency.Agency;
import org.lorkit.domain.document.DocumentKind;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.LetterRequest.WriterAnswer;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.link.AttendingLink;
import org.lorkit.domain.link.CapabilityToken;
import org.lorkit.domain.link.LinkPurpose;
import org.lorkit.domain.outbox.MailKind;
import org.lorkit.infrastructure.metrics.Meters;
import org.lorkit.infrastructure.persistence.Finder;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The attending's side, reached by link only. The agency comes from the link row found by the token's
 * hash, never from the request. Opening a page or a document reads; every answer is a separate call
 * made from a button, safe to repeat. Tokens are never logged. A client refused by the {@link LinkGuard} is
 * answered before any token of its is looked up, so guessing costs the database nothing once it is refused. The
 * student's and staff's management of the links is {@link LinkManagementService}.
 */
@Stateless
@PermitAll
public class AttendingLinkService {
    private static final Logger LOG = Logger.getLogger(AttendingLinkService.class.getName());
    // Not the tenant's: finds a link's agency by its token, before any is in context.
    @PersistenceContext(unitName = "lorkit")
    EntityManager platform;
    @Inject
    org.lorkit.application.agency.AgencyLogos logos;
    @Inject
    TenantData tenant;
    @Inject
    org.lorkit.application.letter.LetterHistory history;
    @Inject
    KitContents contents;
    @Inject
    LetterMails mails;
    @Inject
    LinkGuard guard;
    @Inject
    Clock clock;
    @Inject
    Meters meters;
    @Inject
    KitPageCache kept;

    public enum Problem { UNKNOWN, EXPIRED, REVOKED, WRONG_PURPOSE, TOO_MANY_ATTEMPTS }

    public enum Answer { CONFIRM, UPLOADED, DECLINE, REMIND_ON, UNDO }

    /**
     * The kit as the attending sees it, and what they may still answer. A closed request (withdrawn, declined, not
     * coming, submitted) shows no documents: its lines and documents are empty. The page speaks to the attending, so
     * {@code attendingName} is how it addresses them: "Dr. Garcia".
     */
    public record KitPage(String agencyName, String studentName, String attendingName, List<String> lines, boolean hasCv,
                          boolean hasStatement, LocalDate deadline, LetterState state, boolean canAnswer, boolean confirmed,
                          boolean uploaded, boolean declined, WriterAnswer undoable, LocalDate remindOn, String logoPath) implements Serializable {
        public boolean closed() {
            return !state.isOpen();
        }
    }

    /**
     * A visit: either the page, or the reason there is none; for {@link Problem#TOO_MANY_ATTEMPTS} also the
     * seconds until the client may try again (0 otherwise). {@code version} names the page as {@link #open} read it
     * ({@link KitPageCache.Kept#key}): the same version is the same page, so whatever is made from it may be kept
     * under it; null for an answer's page, which is read in the answer's transaction.
     */
    public record Visit(Problem problem, KitPage page, long retryAfterSeconds, String version) implements Serializable {
        static Visit of(KitPage page) {
            return new Visit(null, page, 0, null);
        }

        static Visit of(KitPageCache.Kept kept) {
            return new Visit(null, kept.page(), 0, kept.key());
        }

        static Visit refused(Problem problem, long retryAfterSeconds) {
            return new Visit(problem, null, retryAfterSeconds, null);
        }

        static Visit refused(Problem problem) {
            return refused(problem, 0);
        }
    }

    /**
     * A document of the kit, or none: {@code problem} says what is wrong with the link (none, when the link is
     * fine and the kit has no such document), with the seconds to wait as for a {@link Visit}.
     */
    public record Download(Problem problem, byte[] content, long retryAfterSeconds) {
        static Download refused(Problem problem, long retryAfterSeconds) {
            return new Download(problem, null, retryAfterSeconds);
        }

        public boolean found() {
            return content != null;
        }
    }

    /**
     * The page a link opens. A link's page is read once per {@link KitVersion} and then served from the
     * {@link KitPageCache}: a visit whose version matches costs the one query that finds the token's agency anyway,
     * and nothing is read in the agency. Anything else (a refusal, a changed kit) takes the full way, which logs
     * refusals as before.
     */
    public Visit open(String token, LinkPurpose purpose, String client) {
        Instant now = clock.instant();
        long wait = guard.retryAfter(client, now);
        if (wait > 0) {
            return Visit.refused(Problem.TOO_MANY_ATTEMPTS, wait);
        }
        Optional<KitVersion> version = token == null || !CapabilityToken.isWellFormed(token) ? Optional.empty()
                : versionOf(CapabilityToken.hash(token));
        Optional<KitPageCache.Kept> page = version.filter(v -> v.purpose() == purpose).flatMap(v -> kept.get(v, now));
        if (page.isPresent()) {
            return Visit.of(page.get());
        }
        return withToken(token, client, now, version.map(KitVersion::agencyId), link -> switch (link.access(purpose, now)) {
            case OPEN -> Visit.of(keep(version.get(), link, now));
            case EXPIRED -> refusedLink(link, Problem.EXPIRED, Visit::refused);
            case REVOKED -> refusedLink(link, Problem.REVOKED, Visit::refused);
            case WRONG_PURPOSE -> refusedLink(link, Problem.WRONG_PURPOSE, Visit::refused);
        }, Visit::refused);
    }

    /**
     * Reads the link's page and keeps it under the version read before it (so a change committed in between is read
     * again on the next visit, never hidden), until the moment it would read differently by time alone.
     */
    private KitPageCache.Kept keep(KitVersion version, AttendingLink link, Instant now) {
        tenant.agencyAsOf(version.agencyVersion()); // not an older cached copy's name or rules kept under a newer version
        KitPage page = page(link);
        Instant validUntil = tenant.today().plusDays(1).atStartOfDay(tenant.now().getZone()).toInstant();
        if (link.getExpiresAt() != null && link.getExpiresAt().isBefore(validUntil)) {
            validUntil = link.getExpiresAt();
        }
        Instant undoUntil = link.getRequest().getUndoUntil();
        if (undoUntil != null && undoUntil.isAfter(now) && undoUntil.isBefore(validUntil)) {
            validUntil = undoUntil;
        }
        kept.put(version, validUntil, page);
        return new KitPageCache.Kept(version, validUntil, page);
    }

    /** Records the attending's answer (idempotent: the same answer twice changes nothing the second time). */
    public Visit answer(String token, LinkPurpose purpose, Answer answer, LocalDate date, String note, String client) {
        return withLink(token, purpose, client, link -> {
            LetterRequest request = link.getRequest();
            java.time.ZonedDateTime at = tenant.now();
            Instant now = at.toInstant();
            if (answer != Answer.UNDO && !link.canAnswer(now)) {
                return Visit.of(page(link));
            }
            if (purpose == LinkPurpose.CONFIRM && answer != Answer.CONFIRM && answer != Answer.UNDO) {
                return Visit.refused(Problem.WRONG_PURPOSE);
            }
            EntityManager em = tenant.em();
            String actor = "attending " + request.getAttending().getFullName();
            switch (answer) {
                case CONFIRM -> request.confirmByWriter(actor, at).ifPresent(e -> {
                    history.record(e);
                    mails.enqueue(MailKind.WRITER_CONFIRMED, request, now);
                });
                case UPLOADED -> request.uploadedByWriter(actor, at).ifPresent(e -> {
                    history.record(e);
                    mails.enqueue(MailKind.WRITER_UPLOADED, request, now);
                });
                case DECLINE -> request.declineByWriter(note, actor, at).ifPresent(e -> {
                    history.record(e);
                    mails.enqueue(MailKind.WRITER_DECLINED, request, now);
                });
                case REMIND_ON -> history.record(request.remindOnByWriter(date, actor, at));
                case UNDO -> history.record(request.undoWriterAnswer(actor, now));
            }
            em.flush();
            meters.attendingAnswer(answer.name());
            LOG.log(Level.INFO, "Letter request {0}: the attending answered {1} by their link ({2} now)",
                    new Object[]{String.valueOf(request.getId()), answer, request.getState()});
            return Visit.of(page(link));
        }, Visit::refused);
    }

    /** A document of the kit ("kit" is the combined PDF), if the link may read it. */
    public Download document(String token, String which, String client) {
        return withLink(token, LinkPurpose.KIT, client, link -> new Download(null, content(link, which).orElse(null), 0),
                Download::refused);
    }

    private Optional<byte[]> content(AttendingLink link, String which) {
        if (!link.getRequest().getState().isOpen()) {
            return Optional.empty(); // a closed request's documents are no longer the attending's to read
        }
        return switch (which) {
            case "kit" -> Optional.of(contents.pdf(link.getRequest()));
            case "cv" -> contents.content(link.getRequest(), DocumentKind.CV);
            case "statement" -> contents.content(link.getRequest(), DocumentKind.PERSONAL_STATEMENT);
            default -> Optional.empty();
        };
    }

    /**
     * An expired or revoked link's page offers a fresh one: it goes to the attending's address on file,
     * never to an address typed on the page, at most once a day.
     */
    public void sendFreshLink(String token, String client) {
        Instant now = clock.instant();
        withToken(token, client, now, link -> {
            if (link.getRequest().getState().isOpen()) {
                mails.enqueue(MailKind.FRESH_LINK, link.getRequest(), now);
            }
            return null;
        }, (problem, wait) -> null);
    }

    /**
     * The work done with the token's link, in its agency, when the link opens for this purpose; otherwise the
     * refusal (a problem, and the seconds to wait when the client is refused).
     */
    private <T> T withLink(String token, LinkPurpose purpose, String client, Function<AttendingLink, T> work,
                           BiFunction<Problem, Long, T> refused) {
        Instant now = clock.instant();
        return withToken(token, client, now, link -> switch (link.access(purpose, now)) {
            case OPEN -> work.apply(link);
            case EXPIRED -> refusedLink(link, Problem.EXPIRED, refused);
            case REVOKED -> refusedLink(link, Problem.REVOKED, refused);
            case WRONG_PURPOSE -> refusedLink(link, Problem.WRONG_PURPOSE, refused);
        }, refused);
    }

    /**
     * A real link that did not open: the log says which and why, for whoever asks why an attending's link failed (ids
     * as text: MessageFormat would write 1,052).
     */
    private static <T> T refusedLink(AttendingLink link, Problem problem, BiFunction<Problem, Long, T> refused) {
        LOG.log(Level.INFO, "Attending link {0} of letter request {1} refused: {2}",
                new Object[]{String.valueOf(link.getId()), String.valueOf(link.getRequest().getId()), problem});
        return refused.apply(problem, 0L);
    }

    /**
     * The one resolution of a token, for every call of the attending's: the token is hashed once, its agency found
     * by the one query that crosses agencies, and its link read in that agency, where the work runs. A refused client
     * is answered first, without a lookup; the miss that uses up its attempts is refused as well.
     */
    private <T> T withToken(String token, String client, Instant now, Function<AttendingLink, T> found,
                            BiFunction<Problem, Long, T> refused) {
        long wait = guard.retryAfter(client, now);
        if (wait > 0) {
            return refused.apply(Problem.TOO_MANY_ATTEMPTS, wait);
        }
        String hash = token != null && CapabilityToken.isWellFormed(token) ? CapabilityToken.hash(token) : null;
        return withToken(token, client, now, hash == null ? Optional.empty() : agencyOf(hash), found, refused);
    }

    /** The same, once the client has been let in and the token's agency looked up ({@code agency}). */
    private <T> T withToken(String token, String client, Instant now, Optional<Long> agency, Function<AttendingLink, T> found,
                            BiFunction<Problem, Long, T> refused) {
        if (token == null || token.isBlank()) {
            return refused.apply(Problem.UNKNOWN, 0L); // the page without any link is no guess: nothing to count
        }
        String hash = CapabilityToken.isWellFormed(token) ? CapabilityToken.hash(token) : null;
        if (agency.isEmpty()) {
            long wait = guard.miss(client, now);
            return wait > 0 ? refused.apply(Problem.TOO_MANY_ATTEMPTS, wait) : refused.apply(Problem.UNKNOWN, 0L);
        }
        // A link erased between the two queries is as unknown as one that never was.
        return CurrentAgency.callAs(agency.get(), () -> find(hash).map(found).orElseGet(() -> refused.apply(Problem.UNKNOWN, 0L)));
    }

    /** The one query that crosses agencies: which agency a token hash belongs to. */
    private Optional<Long> agencyOf(String hash) {
        // EclipseLink refuses native SQL with multitenant entities unless asked: this is the one place it is.
        List<?> rows = platform.createNativeQuery("SELECT agency_id FROM attending_link WHERE token_hash = ?")
                .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                .setParameter(1, hash).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(((Number) rows.get(0)).longValue());
    }

    /** The same query's wider form for the kit page: the token's link and the version of everything its page shows. */
    private Optional<KitVersion> versionOf(String hash) {
        List<?> rows = platform.createNativeQuery(KitVersion.QUERY)
                .setHint("eclipselink.jdbc.allow-native-sql-query", true)
                .setParameter(1, hash).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(KitVersion.of((Object[]) rows.get(0)));
    }

    private Optional<AttendingLink> find(String hash) {
        return Finder.single(tenant.em().createNamedQuery("AttendingLink.findByHash", AttendingLink.class)
                .setParameter("hash", hash).getResultList());
    }

    private KitPage page(AttendingLink link) {
        LetterRequest request = link.getRequest();
        Instant now = clock.instant();
        Agency agency = tenant.agency();
        boolean closed = !request.getState().isOpen();
        var kit = closed ? null : contents.preview(request);
        return new KitPage(agency.getSenderName(), request.getStudent().getFullName(), request.getAttending().getSalutation(),
                closed ? List.of() : kit.lines(), !closed && kit.hasCv(), !closed && kit.hasStatement(),
                closed ? request.getDeadline() : kit.deadline(), request.getState(), link.canAnswer(now),
                request.getWriterConfirmedOn() != null, request.getErasReport().writerReportedOn() != null,
                request.getState() == LetterState.DECLINED, request.getUndoableAnswer(now), request.getRemindOn(),
                logos.pathOf(agency).orElse(null));
    }
}
