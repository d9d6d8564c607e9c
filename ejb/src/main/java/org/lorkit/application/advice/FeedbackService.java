package org.lorkit.application.advice;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.domain.feedback.FeedbackCheck;
import org.lorkit.domain.feedback.FeedbackClassifier;
import org.lorkit.domain.feedback.FeedbackClassifier.RedFlag;
import org.lorkit.domain.feedback.FeedbackSignal;
import org.lorkit.domain.rotation.Supervision;
import org.lorkit.domain.student.Student;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** "Test the waters": what an attending said when the student asked for feedback, read with the guide's signals. */
@Stateless
@RolesAllowed(Roles.STUDENT)
public class FeedbackService {
    @Inject
    org.lorkit.application.dashboard.StandingChanges standings;
    @Inject
    private TenantData tenant;
    @Inject
    private StudentRecords records;
    @Inject
    private Clock clock;
    @Resource
    private SessionContext session;

    public record Check(long id, long rotationId, String rotation, long attendingId, String attendingName, LocalDate checkedOn,
                        String whatTheySaid, FeedbackSignal signal, List<String> reasons, String advice) implements Serializable {
    }

    public Check record(long rotationId, long attendingId,
                        @NotBlank(message = "What they said is required")
                        @Size(max = 2000, message = "What they said must be at most 2000 characters") String whatTheySaid,
                        Set<RedFlag> redFlags) {
        EntityManager em = tenant.em();
        Student student = tenant.ownStudent(session);
        Supervision supervision = records.supervision(student, rotationId, attendingId);
        FeedbackCheck check = new FeedbackCheck(supervision.getRotation(), supervision.getAttending(), tenant.today(),
                whatTheySaid, redFlags);
        em.persist(check);
        standings.student(student.getId()); // the funnel's "feedback checked"
        em.flush();
        return view(check);
    }

    /** The student's checks, newest first. */
    public List<Check> myChecks() {
        EntityManager em = tenant.em();
        Student student = tenant.ownStudent(session);
        return em.createNamedQuery("FeedbackCheck.findByStudent", FeedbackCheck.class).setParameter("student", student)
                .getResultList().stream().map(FeedbackService::view).toList();
    }

    private static Check view(FeedbackCheck check) {
        FeedbackClassifier.Reading reading = check.reading();
        String name = check.getAttending().getFullName();
        String advice = switch (reading.signal()) {
            case GREEN_LIGHT -> "A green light: ask " + name + " for a strong letter in the last days of the rotation.";
            case NEUTRAL -> "Neutral: ask " + name + " what you could do better, act on it, and check again before asking.";
            case RED_FLAG -> "A red flag: do not force a letter from " + name + ". Choose another writer who knows your work.";
        };
        return new Check(check.getId(), check.getRotation().getId(), check.getRotation().getSpecialty().label() + " at "
                + check.getRotation().getSite(), check.getAttending().getId(), name, check.getCheckedOn(), check.getWhatTheySaid(),
                reading.signal(), reading.reasons(), advice);
    }
}
