package org.lorkit.application.advice;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.NotNull;
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
import org.lorkit.domain.letter.AnswerHeard;
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
import java.util.HashMap;
import java.time.LocalDate;
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
    private org.lorkit.application.letter.LetterHistory history;
    @Inject
    private StudentRecords records;
    @Inject
    private Clock clock;
    @Resource
    private SessionContext session;

    /**
     * An attending the student could ask, with what the rules say about them: {@code caution} is why the suggestion
     * rule put them last, in words (null when it has nothing against them); {@code academic}: the rotation's site has
     * an academic affiliation; {@code offered}: the attending offered a letter before the student asked for a strong
     * one (still to ask).
     */
    public record Candidate(long rotationId, String rotation, long attendingId, String attendingName, int contactDays,
                            ContactAdvice contact, LetterValue value, LetterState state, String caution, boolean academic,
                            boolean offered) implements Serializable {
        /** Whether an answer can be recorded here: nobody asked yet, or the ask waits for its answer. */
        public boolean isAskable() {
            return state == null || state == LetterState.PLANNED || state == LetterState.ASKED;
        }


        /** Where the letter from this attending stands, in plain words. */
        public String standing() {
            if (state == null) {
                return "Not asked yet";
            }
            return switch (state) {
                case PLANNED -> offered ? "Offered a letter: ask for a strong one" : "Planned";
                case ASKED -> "Asked: record the answer";
                case STRONG_YES -> "Said yes to a strong letter";
                case LUKEWARM -> "A polite no";
                case DECLINED -> "Said no";
                case KIT_SENT, CONFIRMED, REMINDED_1, REMINDED_2 -> "Has the kit";
                case SUBMITTED -> "Letter uploaded";
                case NOT_COMING -> "Letter not coming";
                case WITHDRAWN -> "Withdrawn";
            };
        }
    }

    /** @param uploadBy the specific date a late ask names (null when the ask is not late) */
    public record Script(String inPerson, String emailSubject, String emailBody, LocalDate uploadBy) implements Serializable {
    }

    /** The answer as recorded, what it means, and (after a no) the next writers, best value first. */
    public record AnswerOutcome(LetterRequestView request, AnswerHeard heard, List<Candidate> nextWriters) implements Serializable {
    }

    /** LorKit's guess of the answer from the attending's words, to pre-select for the student (who chooses). */
    public record AnswerGuess(AnswerHeard heard, List<String> signals) implements Serializable {
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
        AskScript script = AskScript.write(new AskScript.Ask(supervision.getAttending().getSalutation(), student.getFullName(),
                        student.primaryTargetSpecialty().label().toLowerCase(Locale.ROOT),
                        rotation.getSpecialty().label().toLowerCase(Locale.ROOT), rotation.getSite(), rotation.getStartDate(), rotation.getEndDate()),
                rotation.askWindow(today, rules), KitDeadline.proposeFor(today, student.effectivePlannedSubmitOn(), rules));
        return new Script(script.inPerson(), script.emailSubject(), script.emailBody(), script.uploadBy());
    }

    /**
     * LorKit's reading of the attending's words: the answer it would pre-select (none when the words give no clear
     * sign), and the words it read it from. It decides nothing: the student chooses what they heard.
     */
    public AnswerGuess suggestAnswer(@Size(max = 2000, message = "Their words must be at most 2000 characters") String words) {
        tenant.ownStudent(session);
        AnswerClassifier.Suggestion suggestion = AnswerClassifier.suggest(words);
        return new AnswerGuess(suggestion.heard(), suggestion.signals());
    }

    /**
     * Records the ask and the answer the student heard, with the attending's words as a note. A real yes becomes
     * STRONG_YES; a polite no or a no closes the request, and the next writers are proposed. An offer made before the
     * student asked is no strong yes: the request stays planned, marked as offered, for the student to ask the strong
     * question and record that answer here (an asked request without an answer takes its answer here too).
     */
    public AnswerOutcome recordAnswer(long rotationId, long attendingId,
                                      @NotNull(message = "Choose what they said") AnswerHeard heard,
                                      @Size(max = 2000, message = "Their words must be at most 2000 characters") String words) {
        EntityManager em = tenant.em();
        Student student = tenant.ownStudent(session);
        Supervision supervision = records.supervision(student, rotationId, attendingId);
        List<LetterRequest> letters = records.letters(student);
        Optional<LetterRequest> existing = letters.stream()
                .filter(l -> l.getRotation().getId() == rotationId && l.getAttending().getId() == attendingId)
                .filter(l -> l.getState() != LetterState.WITHDRAWN).findFirst();
        if (existing.isPresent() && existing.get().getState() != LetterState.PLANNED && existing.get().getState() != LetterState.ASKED) {
            throw new DomainException("heard", "You already asked " + supervision.getAttending().getFullName()
                    + " for a letter about this rotation, and their answer is recorded: correct it from My letters if it was misread");
        }
        java.time.ZonedDateTime at = tenant.now();
        Instant now = at.toInstant();
        String actor = Actor.of(session);
        LetterRequest request = existing.orElseGet(() -> {
            LetterRequest planned = new LetterRequest(student, supervision.getAttending(), supervision.getRotation(),
                    student.primaryTargetSpecialty(), now);
            em.persist(planned);
            history.record(LetterRequestEvent.created(planned, actor, now));
            return planned;
        });
        history.record(request.recordAnswer(heard, words, actor, at));
        em.flush();
        List<Candidate> next = heard.leadsTo() == LetterState.LUKEWARM || heard.leadsTo() == LetterState.DECLINED
                ? nextWriters() : List.of();
        return new AnswerOutcome(LetterRequestView.of(request), heard, next);
    }

    private static Candidate candidate(Student student, Rotation rotation, Supervision supervision, List<LetterRequest> letters, String caution,
                                       AgencyRules rules) {
        Attending attending = supervision.getAttending();
        Optional<LetterRequest> latest = letters.stream()
                .filter(l -> l.getRotation().getId().equals(rotation.getId()) && l.getAttending().getId().equals(attending.getId()))
                .reduce((first, second) -> second);
        return new Candidate(rotation.getId(), rotation.getSpecialty().label() + " at " + rotation.getSite(), attending.getId(),
                attending.getFullName(), supervision.getContactDays(), supervision.contactAdvice(rules),
                LetterValue.rank(attending, rotation, student.primaryTargetSpecialty()), latest.map(LetterRequest::getState).orElse(null),
                caution, rotation.isAcademicAffiliated(), latest.map(LetterRequest::isOfferedUnprompted).orElse(false));
    }
}
