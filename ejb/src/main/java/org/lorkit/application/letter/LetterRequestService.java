package org.lorkit.application.letter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lorkit.application.Actor;
import org.lorkit.application.Caller;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.letter.AnswerHeard;
import org.lorkit.domain.letter.KitDeadline;
import org.lorkit.domain.letter.LetterGoal;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.LetterRequestEvent;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.persistence.Finder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

@Stateless
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN, Roles.STUDENT})
public class LetterRequestService {
    private static final Logger LOG = Logger.getLogger(LetterRequestService.class.getName());

    @Inject
    private TenantData tenant;
    @Inject
    private LetterHistory history;

    @Inject
    private Clock clock;

    @Resource
    private SessionContext session;

    public LetterRequestView plan(@NotNull @Valid NewLetterRequest request) {
        EntityManager em = tenant.em();
        Student student = tenant.readableStudent(session, request.studentId());
        Attending attending = tenant.require(Attending.class, request.attendingId(), "attendingId");
        Rotation rotation = tenant.require(Rotation.class, request.rotationId(), "rotationId");
        Specialty specialty = request.specialty() == null || request.specialty().isBlank()
                ? student.primaryTargetSpecialty() : Specialty.parse("specialty", request.specialty());
        refuseDuplicate(em, student, attending, rotation);
        Instant now = clock.instant();
        LetterRequest planned = new LetterRequest(student, attending, rotation, specialty, now);
        em.persist(planned);
        history.record(LetterRequestEvent.created(planned, Actor.of(session), now));
        em.flush();
        return LetterRequestView.of(planned);
    }

    /** Moves the request to the target state, if the state machine allows it, and records who and why. */
    public LetterRequestView moveTo(long requestId, @NotNull(message = "state is required") LetterState target,
                                    @Size(max = 1000, message = "reason must be at most 1000 characters") String reason) {
        EntityManager em = tenant.em();
        LetterRequest request = readable(em, requestId);
        LetterState from = request.getState();
        history.record(request.moveTo(target, Actor.of(session), reason, tenant.now()));
        em.flush();
        LOG.log(Level.INFO, "Letter request {0}: {1} -> {2}", new Object[]{requestId, from, target});
        return LetterRequestView.of(request);
    }

    /**
     * Corrects a misread answer to the ask: the request follows the answer heard (a yes opens it for the kit, a no closes
     * it and stops its reminders), and its history names who corrected it, from what, and why. The student may within
     * 14 days of recording the answer, the agency's staff at any time; nobody once the writer's own word or a later
     * step (an upload, a withdrawal) stands.
     */
    public LetterRequestView correctAnswer(long requestId, @NotNull(message = "Choose what they really said") AnswerHeard heard,
                                           @NotBlank(message = "Say why the answer is corrected")
                                           @Size(max = 500, message = "The reason must be at most 500 characters") String reason) {
        EntityManager em = tenant.em();
        LetterRequest request = readable(em, requestId);
        LetterState from = request.getState();
        boolean staff = Caller.isStaff(session);
        history.record(request.correctAnswer(heard, Actor.of(session), reason, tenant.now(), staff));
        em.flush();
        LOG.log(Level.INFO, "Letter request {0}: answer corrected to {1} by {2} ({3} -> {4})",
                new Object[]{requestId, heard, staff ? "staff" : "the student", from, request.getState()});
        return LetterRequestView.of(request);
    }

    /** What correcting this request's answer offers the caller now: the answers to choose from, or why it cannot be done. */
    public AnswerCorrection answerCorrection(long requestId) {
        LetterRequest request = readable(tenant.em(), requestId);
        boolean staff = Caller.isStaff(session);
        Instant now = clock.instant();
        String refusal = request.whyAnswerCannotBeCorrected().orElse(null);
        if (refusal == null && !request.isAnswerCorrectable(now, staff)) {
            refusal = "You could correct this answer for 14 days after recording it, until " + AnswerView.of(request).studentMayCorrectUntilDay()
                    + ". Ask your agency's staff to correct it.";
        }
        List<AnswerHeard> choices = java.util.Arrays.stream(AnswerHeard.values())
                .filter(h -> h != request.getAnswerHeard())
                .filter(h -> !request.getState().isAwaitingUpload() || !h.leadsTo().isOpen())
                .toList();
        return new AnswerCorrection(LetterRequestView.of(request), choices, refusal, staff);
    }

    /**
     * Records that the kit went out today, with the deadline chosen in the kit builder, else the default one
     * (the agency's 3 to 4 weeks, never after the submit date).
     */
    public LetterRequestView markKitSent(long requestId) {
        EntityManager em = tenant.em();
        LetterRequest request = readable(em, requestId);
        LocalDate today = tenant.today();
        LocalDate deadline = request.getDeadline() != null && !request.getDeadline().isBefore(today) ? request.getDeadline()
                : KitDeadline.proposeFor(today, request.getStudent().effectivePlannedSubmitOn(), tenant.agency().getRules()).date();
        history.record(request.markKitSent(deadline, Actor.of(session), tenant.now()));
        em.flush();
        return LetterRequestView.of(request);
    }

    /** The student sees "received" in ERAS: the letter is SUBMITTED, and a writer's earlier report is matched. */
    public LetterRequestView reportReceivedInEras(long requestId) {
        EntityManager em = tenant.em();
        LetterRequest request = readable(em, requestId);
        history.record(request.reportReceivedInEras(Actor.of(session), tenant.now()));
        em.flush();
        return LetterRequestView.of(request);
    }

    /** The writer said they uploaded the letter (the student relays it; the attending's own button comes by link). */
    public LetterRequestView reportWriterUpload(long requestId) {
        EntityManager em = tenant.em();
        LetterRequest request = readable(em, requestId);
        history.record(request.reportWriterUpload(Actor.of(session), tenant.now()));
        em.flush();
        return LetterRequestView.of(request);
    }

    /** Every letter of one student with its history, and the goal meter: three queries, whatever the count. */
    public Portfolio portfolio(long studentId) {
        EntityManager em = tenant.em();
        Student student = tenant.readableStudent(session, studentId);
        List<LetterRequest> requests = em.createNamedQuery("LetterRequest.findByStudentNewestFirst", LetterRequest.class)
                .setParameter("student", student).getResultList();
        java.time.ZoneId zone = tenant.zone();
        Map<Long, List<LetterEventView>> history = em.createNamedQuery("LetterRequestEvent.findByStudent", LetterRequestEvent.class).setParameter("student", student).getResultList().stream()
                .collect(Collectors.groupingBy(e -> e.getRequest().getId(), Collectors.mapping(e -> LetterEventView.of(e, zone), Collectors.toList())));
        LocalDate today = tenant.today();
        Instant now = clock.instant();
        boolean staff = Caller.isStaff(session);
        LetterGoal goal = LetterGoal.of(requests, student.getTargetSpecialties());
        List<Portfolio.Letter> letters = requests.stream().map(r -> new Portfolio.Letter(LetterRequestView.of(r),
                r.getRotation().getSpecialty().label() + " at " + r.getRotation().getSite(),
                r.getErasReport().status(today), r.getErasReport().describe(r.getAttending().getFullName(), today),
                history.getOrDefault(r.getId(), List.of()), r.isAnswerCorrectable(now, staff))).toList();
        return new Portfolio(goal, letters);
    }

    public Optional<LetterRequestView> find(long requestId) {
        return Finder.find(tenant.em(), LetterRequest.class, requestId)
                .filter(r -> Caller.isStaff(session) || r.getStudent().getEmail().equals(Caller.login(session)))
                .map(LetterRequestView::of);
    }

    public List<LetterRequestView> listByStudent(long studentId) {
        EntityManager em = tenant.em();
        Student student = tenant.readableStudent(session, studentId);
        return em.createNamedQuery("LetterRequest.findByStudent", LetterRequest.class).setParameter("student", student)
                .getResultList().stream().map(LetterRequestView::of).toList();
    }

    public List<LetterEventView> history(long requestId) {
        EntityManager em = tenant.em();
        LetterRequest request = readable(em, requestId);
        java.time.ZoneId zone = tenant.zone();
        return em.createNamedQuery("LetterRequestEvent.findByRequest", LetterRequestEvent.class)
                .setParameter("request", request).getResultList().stream().map(e -> LetterEventView.of(e, zone)).toList();
    }

    /** One page of the agency's letter requests, by id (staff: every student's). */
    @RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
    public org.lorkit.application.Page<LetterRequestView> list(@jakarta.validation.constraints.Min(value = 0, message = "first cannot be negative") int first,
                                                               @jakarta.validation.constraints.Min(value = 1, message = "size must be at least 1")
                                                               @jakarta.validation.constraints.Max(value = org.lorkit.application.Page.MAX_SIZE, message = "size must be at most 100") int max) {
        EntityManager em = tenant.em();
        List<LetterRequestView> items = em.createNamedQuery("LetterRequest.all", LetterRequest.class).setFirstResult(first)
                .setMaxResults(max).getResultList().stream().map(LetterRequestView::of).toList();
        return new org.lorkit.application.Page<>(items, first, em.createNamedQuery("LetterRequest.count", Long.class).getSingleResult());
    }

    /** Letters of the agency by state, in the state machine's order: one aggregate query. */
    @RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
    public List<StateCount> countByState() {
        return tenant.em().createNamedQuery("LetterRequest.countByState", Object[].class)
                .getResultList().stream()
                .map(row -> new StateCount((LetterState) row[0], ((Number) row[1]).longValue()))
                .sorted(Comparator.comparing(StateCount::state))
                .toList();
    }

    /** One request per attending and rotation: a withdrawn one may be asked again, anything else is a duplicate. */
    private static void refuseDuplicate(EntityManager em, Student student, Attending attending, Rotation rotation) {
        em.createNamedQuery("LetterRequest.openStateFor", LetterState.class)
                .setParameter("student", student).setParameter("attending", attending).setParameter("rotation", rotation)
                .setParameter("withdrawn", LetterState.WITHDRAWN).getResultList().stream().findFirst().ifPresent(state -> {
                    throw new DomainException("attendingId", "You already have a letter request to " + attending.getFullName()
                            + " for this rotation (" + org.lorkit.domain.shared.Labels.inSentence(state) + ")");
                });
    }

    private LetterRequest readable(EntityManager em, long requestId) {
        LetterRequest request = tenant.require(LetterRequest.class, requestId, "requestId");
        return Caller.ownedBy(session, request.getStudent(), request, LetterRequest.class, requestId, "requestId");
    }
}
