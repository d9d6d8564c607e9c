package org.lorkit.application.advice;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.lorkit.application.Caller;
import org.lorkit.application.Roles;
import org.lorkit.domain.advice.NextAction;
import org.lorkit.domain.advice.NextActions;
import org.lorkit.domain.letter.LetterGoal;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.tenancy.TenantEntityManager;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The calling student's home: what to do next, and where their letters stand against the goal. */
@Stateless
@RolesAllowed(Roles.STUDENT)
public class AdviceService {
    @Inject
    private TenantEntityManager tenant;
    @Inject
    private StudentRecords records;
    @Inject
    private Clock clock;
    @Resource
    private SessionContext session;

    public record Home(List<NextAction> actions, LetterGoal goal, boolean hasRotations) implements Serializable {
    }

    public Home home() {
        Student student = Caller.self(session, tenant.get());
        List<Rotation> rotations = records.rotations(student);
        List<LetterRequest> letters = records.letters(student);
        var situation = records.situation(student, rotations, letters);
        List<NextAction> actions = NextActions.derive(situation, records.reminderPolicy(), LocalDate.now(clock));
        return new Home(actions, situation.goal(), !rotations.isEmpty());
    }
}
