package org.lorkit.application.advice;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.application.TenantData;
import org.lorkit.domain.advice.StudentSituation;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.feedback.FeedbackCheck;
import org.lorkit.domain.feedback.FeedbackSignal;
import org.lorkit.domain.rotation.Supervision;
import org.lorkit.domain.letter.LetterGoal;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.LetterValue;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.persistence.Finder;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A student's rotations and letters in two queries (fetch joins, no query per rotation), and their feedback
 * checks in a third, turned into the plain values the advice rules read.
 */
@Dependent
class StudentRecords {
    @Inject
    private TenantData tenant;

    List<Rotation> rotations(Student student) {
        return tenant.em().createNamedQuery("Rotation.findByStudentWithSupervisors", Rotation.class)
                .setParameter("student", student).getResultList();
    }

    List<LetterRequest> letters(Student student) {
        return tenant.em().createNamedQuery("LetterRequest.findByStudentWithAttending", LetterRequest.class).setParameter("student", student).getResultList();
    }

    /** The student's own rotation and one of its supervisors; anything else reads as not found. */
    Supervision supervision(Student student, long rotationId, long attendingId) {
        EntityManager em = tenant.em();
        Rotation rotation = tenant.require(Rotation.class, rotationId, "rotationId");
        if (!rotation.getStudent().equals(student)) {
            throw Finder.notFound(Rotation.class, rotationId, "rotationId");
        }
        Attending attending = tenant.require(Attending.class, attendingId, "attendingId");
        return rotation.supervisorFor(attending).orElseThrow(() -> Finder.notFound(Attending.class, attendingId, "attendingId"));
    }

    /** The numbers of the agency's letter rules: the window, the contact thresholds, the deadline, the reminders. */
    AgencyRules rules() {
        return tenant.agency().getRules();
    }

    /**
     * The attendings whose latest feedback check by this student (on any rotation) read as a red flag: one query.
     * A later green light or neutral check about the same attending takes the flag away.
     */
    Set<Long> redFlagged(Student student) {
        Map<Long, FeedbackSignal> latest = new HashMap<>();
        // newest first: the first signal per attending is their latest
        tenant.em().createNamedQuery("FeedbackCheck.findByStudent", FeedbackCheck.class).setParameter("student", student).getResultList()
                .forEach(f -> latest.putIfAbsent(f.getAttending().getId(), f.getSignal()));
        Set<Long> flagged = new HashSet<>();
        latest.forEach((attending, signal) -> {
            if (signal == FeedbackSignal.RED_FLAG) {
                flagged.add(attending);
            }
        });
        return flagged;
    }

    StudentSituation situation(Student student, List<Rotation> rotations, List<LetterRequest> letters) {
        Set<Long> redFlagged = redFlagged(student);
        List<StudentSituation.RotationFacts> rotationFacts = rotations.stream().map(r -> new StudentSituation.RotationFacts(
                r.getId(), r.getSpecialty(), r.getSite(), r.getStartDate(), r.getEndDate(),
                r.getSupervisions().stream().map(s -> new StudentSituation.Supervisor(s.getAttending().getId(),
                        s.getAttending().getFullName(), s.getContactDays(),
                        LetterValue.rank(s.getAttending(), r, student.primaryTargetSpecialty()).rank(),
                        redFlagged.contains(s.getAttending().getId()))).toList(), r.isAcademicAffiliated())).toList();
        List<StudentSituation.LetterFacts> letterFacts = letters.stream().map(l -> new StudentSituation.LetterFacts(
                l.getId(), l.getRotation().getId(), l.getAttending().getId(), l.getAttending().getFullName(), l.getState(),
                LocalDate.ofInstant(l.getStateChangedAt(), tenant.zone()), l.getKitSentOn(), l.getLastReminderOn(),
                l.getRemindOn(), l.getErasReport(), l.isOfferedUnprompted())).toList();
        LetterGoal goal = LetterGoal.of(letters, student.getTargetSpecialties());
        return new StudentSituation(rotationFacts, letterFacts, goal);
    }
}
