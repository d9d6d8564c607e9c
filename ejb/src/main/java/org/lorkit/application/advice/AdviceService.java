package org.lorkit.application.advice;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.domain.advice.NextAction;
import org.lorkit.domain.advice.NextActions;
import org.lorkit.domain.advice.WriterSuggestions;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.letter.LetterGoal;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.student.Student;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jakarta.persistence.EntityManager;
import org.lorkit.domain.feedback.FeedbackCheck;
import org.lorkit.domain.feedback.FeedbackSignal;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.letter.LetterValue;
import org.lorkit.domain.rotation.AskTimeline;
import org.lorkit.domain.rotation.AskWindow;
import org.lorkit.domain.rotation.ContactAdvice;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.infrastructure.persistence.Finder;

/** The calling student's home: what to do next, and where their letters stand against the goal. */
@Stateless
@RolesAllowed(Roles.STUDENT)
public class AdviceService {
    @Inject
    private TenantData tenant;
    @Inject
    private StudentRecords records;
    @Inject
    private Clock clock;
    @Resource
    private SessionContext session;

    public record Home(List<NextAction> actions, LetterGoal goal, boolean hasRotations) implements Serializable {
    }

    public Home home() {
        Student student = tenant.ownStudent(session);
        List<Rotation> rotations = records.rotations(student);
        List<LetterRequest> letters = records.letters(student);
        var situation = records.situation(student, rotations, letters);
        List<NextAction> actions = NextActions.derive(situation, records.rules(), tenant.today());
        return new Home(actions, situation.goal(), !rotations.isEmpty());
    }

    /**
     * One rotation as the student plans around it: the ask window on a line, and who could write, in the suggestion
     * rule's order (WriterSuggestions); {@code academic}: the site has an academic affiliation; {@code rules}: the agency's
     * numbers the window and the contact advice were worked out by.
     */
    public record RotationPlan(long id, String title, Specialty specialty, RotationKind kind, LocalDate startDate, LocalDate endDate,
                               AskWindow window, AskTimeline timeline, List<Writer> writers, boolean academic,
                               AgencyRules rules) implements Serializable {
        /** "Ask in person 24 Jun to 28 Jun; by email until 26 Jul". */
        public String windowInWords() {
            return window.describe();
        }
    }

    /** A supervisor of the rotation: days of contact, letter value for the student's target, and where the letter stands. */
    public record Writer(long attendingId, String name, int contactDays, ContactAdvice contact, LetterValue value,
                         LetterState letterState, FeedbackSignal lastFeedback) implements Serializable {
    }

    /** The agency's numbers the advice is worked out by (the pages name them: "the last 5 days", "under 14 days together"). */
    public AgencyRules rules() {
        return records.rules();
    }

    public List<RotationPlan> rotationPlans() {
        EntityManager em = tenant.em();
        Student student = tenant.ownStudent(session);
        List<LetterRequest> letters = records.letters(student);
        Map<String, FeedbackSignal> feedback = new HashMap<>();
        // newest first: keep the first signal per rotation and attending
        em.createNamedQuery("FeedbackCheck.findByStudent", FeedbackCheck.class).setParameter("student", student).getResultList()
                .forEach(f -> feedback.putIfAbsent(f.getRotation().getId() + ":" + f.getAttending().getId(), f.getSignal()));
        LocalDate today = tenant.today();
        AgencyRules rules = records.rules();
        Specialty target = student.primaryTargetSpecialty();
        List<Rotation> rotations = records.rotations(student);
        // each rotation's supervisors in the rule's order: their place, by rotation and attending
        Map<String, Integer> place = new HashMap<>();
        for (var facts : records.situation(student, rotations, letters).rotations()) {
            List<WriterSuggestions.Suggestion> ranked = WriterSuggestions.forRotation(facts, rules);
            for (int i = 0; i < ranked.size(); i++) {
                place.put(facts.id() + ":" + ranked.get(i).candidate().attendingId(), i);
            }
        }
        return rotations.stream().map(r -> new RotationPlan(r.getId(), r.getSpecialty().label() + " at " + r.getSite(),
                r.getSpecialty(), r.getKind(), r.getStartDate(), r.getEndDate(), r.askWindow(today, rules),
                AskTimeline.of(r.getStartDate(), r.getEndDate(), today, rules),
                r.getSupervisions().stream().map(s -> new Writer(s.getAttending().getId(), s.getAttending().getFullName(),
                                s.getContactDays(), s.contactAdvice(rules), LetterValue.rank(s.getAttending(), r, target),
                                letters.stream().filter(l -> l.getRotation().equals(r) && l.getAttending().equals(s.getAttending()))
                                        .map(LetterRequest::getState).reduce((first, second) -> second).orElse(null),
                                feedback.get(r.getId() + ":" + s.getAttending().getId())))
                        .sorted(Comparator.comparingInt((Writer w) -> place.getOrDefault(r.getId() + ":" + w.attendingId(), Integer.MAX_VALUE)))
                        .toList(), r.isAcademicAffiliated(), rules)).toList();
    }

    /** One of the student's rotations; another student's reads as not found. */
    public RotationPlan rotationPlan(long rotationId) {
        return rotationPlans().stream().filter(p -> p.id() == rotationId).findFirst()
                .orElseThrow(() -> Finder.notFound(Rotation.class, rotationId, "rotationId"));
    }
}
