package org.lorkit.application.advice;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.lorkit.application.Actor;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.domain.advice.StudentSituation;
import org.lorkit.domain.advice.WriterSuggestions;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.letter.AnswerClassifier;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.LetterRequestEvent;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.letter.LetterValue;
import org.lorkit.domain.rotation.ContactAdvice;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.rotation.Supervision;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.student.Student;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * The ask: whom to ask (the student's supervisors, by the suggestion rule), what to say (an in-person
 * script and an email that ask for a strong letter), and what the answer means.
 */
@Stateless
@RolesAllowed(Roles.STUDENT)
public class AskService {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

    @Inject
    private TenantData tenant;
    @Inject
    private StudentRecords records;
    @Inject
    private Clock clock;
    @Resource
    private SessionContext session;

    /**
     * An attending the student could ask, with what the rules say about them: {@code caution} is why the suggestion
     * rule put them last, in words (null when it has nothing against them); {@code academic}: the rotation's site has
     * an academic affiliation.
     */
    public record Candidate(long rotationId, String rotation, long attendingId, String attendingName, int contactDays,
                            ContactAdvice contact, LetterValue value, LetterState state, String caution, boolean academic) implements Serializable {
        public boolean isAskable() {
            return WriterSuggestions.isAskable(state);
        }
    }

    public record Script(String inPerson, String emailSubject, String emailBody) implements Serializable {
    }

    public record AnswerOutcome(LetterRequestView request, List<String> signals, List<Candidate> nextWriters) implements Serializable {
    }

    /**
     * Everyone who supervised the student, in the suggestion rule's order (WriterSuggestions): best letter value first,
     * then the longest contact; a red flag in the last feedback check or under two weeks of contact last, with the reason.
     */
    public List<Candidate> candidates() {
        Student student = tenant.ownStudent(session);
        List<Rotation> rotations = records.rotations(student);
        List<LetterRequest> letters = records.letters(student);
        StudentSituation situation = records.situation(student, rotations, letters);
        List<WriterSuggestions.Candidate> supervisors = situation.rotations().stream()
                .flatMap(r -> r.supervisors().stream().map(s -> WriterSuggestions.candidate(r, s))).toList();
        return candidates(student, rotations, letters, WriterSuggestions.rank(supervisors));
    }

    /** Whom to ask after a no: the supervisors not yet asked, anyone asked already left out, in the rule's order. */
    private List<Candidate> nextWriters() {
        Student student = tenant.ownStudent(session);
        List<Rotation> rotations = records.rotations(student);
        List<LetterRequest> letters = records.letters(student);
        return candidates(student, rotations, letters, WriterSuggestions.next(records.situation(student, rotations, letters)));
    }

    private static List<Candidate> candidates(Student student, List<Rotation> rotations, List<LetterRequest> letters,
                                              List<WriterSuggestions.Suggestion> ranked) {
        Map<String, Supervision> supervisions = new HashMap<>();
        rotations.forEach(r -> r.getSupervisions().forEach(s -> supervisions.put(r.getId() + ":" + s.getAttending().getId(), s)));
        return ranked.stream().map(suggestion -> {
            Supervision s = supervisions.get(suggestion.candidate().rotationId() + ":" + suggestion.candidate().attendingId());
            return candidate(student, s.getRotation(), s, letters, suggestion.caution());
        }).toList();
    }

    /** LorKit's own words for asking this attending, in person and by email. */
    public Script script(long rotationId, long attendingId) {
        Student student = tenant.ownStudent(session);
        Supervision supervision = records.supervision(student, rotationId, attendingId);
        Rotation rotation = supervision.getRotation();
        String doctor = supervision.getAttending().getFullName();
        String field = student.primaryTargetSpecialty().label().toLowerCase(Locale.ROOT);
        String inPerson = doctor + ", I have really valued working with you on this rotation, and I am applying to " + field
                + " residency this cycle. Would you feel comfortable writing me a strong letter of recommendation based on my work here?";
        String subject = "Request for a strong letter of recommendation – " + student.getFullName();
        String body = "Dear " + doctor + ",\n\n"
                + "Thank you for the time I spent on your " + rotation.getSpecialty().label().toLowerCase(Locale.ROOT) + " service at "
                + rotation.getSite() + " in " + MONTH.format(rotation.getEndDate()) + ". Working with you taught me a great deal.\n\n"
                + "I am applying to " + field + " residency this cycle. Would you feel comfortable writing me a strong letter of "
                + "recommendation based on my performance on your rotation?\n\n"
                + "If so, I will send you my CV, my personal statement, a short summary of my work on your service and my ERAS ID "
                + "the same day, with a deadline a few weeks away. If not, I completely understand.\n\n"
                + "With thanks,\n" + student.getFullName();
        return new Script(inPerson, subject, body);
    }

    /**
     * Records the ask and the answer. A real yes becomes STRONG_YES; a lukewarm answer or a decline
     * closes the request, and the next writers are proposed. A letter offered unprompted is a yes.
     */
    public AnswerOutcome recordAnswer(long rotationId, long attendingId,
                                      @NotBlank(message = "What they said is required") @Size(max = 2000, message = "What they said must be at most 2000 characters") String answer,
                                      boolean offeredUnprompted) {
        EntityManager em = tenant.em();
        Student student = tenant.ownStudent(session);
        Supervision supervision = records.supervision(student, rotationId, attendingId);
        List<LetterRequest> letters = records.letters(student);
        Optional<LetterRequest> existing = letters.stream()
                .filter(l -> l.getRotation().getId() == rotationId && l.getAttending().getId() == attendingId)
                .filter(l -> l.getState() != LetterState.WITHDRAWN).findFirst();
        if (existing.isPresent() && existing.get().getState() != LetterState.PLANNED) {
            throw new DomainException("attending", "You already asked " + supervision.getAttending().getFullName()
                    + " for a letter about this rotation (" + existing.get().getState() + ")");
        }
        Instant now = clock.instant();
        String actor = Actor.of(session);
        LetterRequest request = existing.orElseGet(() -> {
            LetterRequest planned = new LetterRequest(student, supervision.getAttending(), supervision.getRotation(),
                    student.primaryTargetSpecialty(), now);
            em.persist(planned);
            em.persist(LetterRequestEvent.created(planned, actor, now));
            return planned;
        });
        List<String> signals;
        if (offeredUnprompted) {
            em.persist(request.moveTo(LetterState.STRONG_YES, actor, "offered a letter unprompted: " + answer, now.atZone(tenant.zone())));
            signals = List.of("offered a letter unprompted");
        } else {
            AnswerClassifier.Reading reading = AnswerClassifier.read(answer);
            em.persist(request.moveTo(LetterState.ASKED, actor, "asked for a strong letter", now.atZone(tenant.zone())));
            em.persist(request.moveTo(reading.state(), actor, answer, now.atZone(tenant.zone())));
            signals = reading.signals();
        }
        em.flush();
        List<Candidate> next = request.getState() == LetterState.STRONG_YES ? List.of() : nextWriters();
        return new AnswerOutcome(LetterRequestView.of(request), signals, next);
    }

    private static Candidate candidate(Student student, Rotation rotation, Supervision supervision, List<LetterRequest> letters, String caution) {
        Attending attending = supervision.getAttending();
        LetterState state = letters.stream()
                .filter(l -> l.getRotation().getId().equals(rotation.getId()) && l.getAttending().getId().equals(attending.getId()))
                .map(LetterRequest::getState).reduce((first, second) -> second).orElse(null);
        return new Candidate(rotation.getId(), rotation.getSpecialty().label() + " at " + rotation.getSite(), attending.getId(),
                attending.getFullName(), supervision.getContactDays(), supervision.contactAdvice(),
                LetterValue.rank(attending, rotation, student.primaryTargetSpecialty()), state, caution, rotation.isAcademicAffiliated());
    }
}
