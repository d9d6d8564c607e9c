package org.lorkit.application.advice;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.application.TenantData;
import org.lorkit.domain.advice.StudentSituation;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.rotation.Supervision;
import org.lorkit.domain.letter.LetterGoal;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.letter.LetterValue;
import org.lorkit.domain.letter.ReminderPolicy;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.persistence.Finder;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;

/**
 * A student's rotations and letters in two queries (fetch joins, no query per rotation), turned into
 * the plain values the advice rules read.
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

    ReminderPolicy reminderPolicy() {
        return tenant.agency().getReminderPolicy();
    }

    StudentSituation situation(Student student, List<Rotation> rotations, List<LetterRequest> letters) {
        List<StudentSituation.RotationFacts> rotationFacts = rotations.stream().map(r -> new StudentSituation.RotationFacts(
                r.getId(), r.getSpecialty(), r.getSite(), r.getStartDate(), r.getEndDate(),
                r.getSupervisions().stream().map(s -> new StudentSituation.Supervisor(s.getAttending().getId(),
                        s.getAttending().getFullName(), s.getContactDays(),
                        LetterValue.rank(s.getAttending(), r, student.primaryTargetSpecialty()).rank())).toList())).toList();
        List<StudentSituation.LetterFacts> letterFacts = letters.stream().map(l -> new StudentSituation.LetterFacts(
                l.getId(), l.getRotation().getId(), l.getAttending().getId(), l.getAttending().getFullName(), l.getState(),
                LocalDate.ofInstant(l.getStateChangedAt(), ZoneOffset.UTC), l.getKitSentOn(), l.getLastReminderOn(),
                l.getRemindOn(), l.getErasReport(), l.isOfferedUnprompted())).toList();
        LetterGoal goal = LetterGoal.assess(letters.stream().map(l -> new LetterGoal.Letter(l.getValue(), l.getSpecialty(),
                l.getState())).toList(), new HashSet<>(student.getTargetSpecialties()));
        return new StudentSituation(rotationFacts, letterFacts, goal);
    }
}
