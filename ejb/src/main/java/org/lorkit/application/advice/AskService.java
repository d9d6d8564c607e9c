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
import org.lorkit.domain.advice.AskScript;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.letter.AnswerClassifier;
import org.lorkit.domain.letter.KitDeadline;
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
import java.time.LocalDate;
import java.util.Comparator;
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

    /** @param uploadBy the specific date a late ask names (null when the ask is not late) */
    public record Script(String inPerson, String emailSubject, String emailBody, LocalDate uploadBy) implements Serializable {
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
        return candidates(student, rotations, letters, WriterSuggestions.rank(supervisors, records.rules()), records.rules());
    }

    /** Whom to ask after a no: the supervisors not yet asked, anyone asked already left out, in the rule's order. */
    private List<Candidate> nextWriters() {
        Student student = tenant.ownStudent(session);
        List<Rotation> rotations = records.rotations(student);
        List<LetterRequest> letters = records.letters(student);
        return candidates(student, rotations, letters, WriterSuggestions.next(records.situation(student, rotations, letters), records.rules()),
                records.rules());
    }

    private static List<Candidate> candidates(Student student, List<Rotation> rotations, List<LetterRequest> letters,
                                              List<WriterSuggestions.Suggestion> ranked, AgencyRules rules) {
        Map<String, Supervision> supervisions = new HashMap<>();
        rotations.forEach(r -> r.getSupervisions().forEach(s -> supervisions.put(r.getId() + ":" + s.getAttending().getId(), s)));
        return ranked.stream().map(suggestion -> {
            Supervision s = supervisions.get(suggestion.candidate().rotationId() + ":" + suggestion.candidate().attendingId());
            return candidate(student, s.getRotation(), s, letters, suggestion.caution(), rules);
        }).toList();
    }

    /**
     * LorKit's own words for asking this attending, in person and by email (AskScript). Past the agency's acceptable
     * window they say the ask is late and name a specific date: the kit deadline the agency's rules propose for today,
     * never after the student's planned submit date.
     */
    public Script script(long rotationId, long attendingId) {
        Student student = tenant.ownStudent(session);
        Supervision supervision = records.supervision(student, rotationId, attendingId);
        Rotation rotation = supervision.getRotation();
        AgencyRules rules = records.rules();
        LocalDate today = tenant.today();
        AskScript script = AskScript.write(new AskScript.Ask(supervision.getAttending().getFullName(), student.getFullName(),
                        student.primaryTargetSpecialty().label().toLowerCase(Locale.ROOT),
                        rotation.getSpecialty().label().toLowerCase(Locale.ROOT), rotation.getSite(), rotation.getEndDate()),
                rotation.askWindow(today, rules), KitDeadline.proposeFor(today, student.effectivePlannedSubmitOn(), rules));
        return new Script(script.inPerson(), script.emailSubject(), script.emailBody(), script.uploadBy());
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

    private static Candidate candidate(Student student, Rotation rotation, Supervision supervision, List<LetterRequest> letters, String caution,
                                       AgencyRules rules) {
        Attending attending = supervision.getAttending();
        LetterState state = letters.stream()
                .filter(l -> l.getRotation().getId().equals(rotation.getId()) && l.getAttending().getId().equals(attending.getId()))
                .map(LetterRequest::getState).reduce((first, second) -> second).orElse(null);
        return new Candidate(rotation.getId(), rotation.getSpecialty().label() + " at " + rotation.getSite(), attending.getId(),
                attending.getFullName(), supervision.getContactDays(), supervision.contactAdvice(rules),
                LetterValue.rank(attending, rotation, student.primaryTargetSpecialty()), state, caution, rotation.isAcademicAffiliated());
    }
}
