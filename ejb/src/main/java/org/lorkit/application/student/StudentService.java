package org.lorkit.application.student;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import org.lorkit.application.Caller;
import org.lorkit.application.Roles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.lorkit.application.TenantData;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.persistence.Finder;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@Stateless
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
public class StudentService {
    @Inject
    private TenantData tenant;

    @Resource
    private SessionContext session;

    public StudentView enroll(@NotNull @Valid NewStudent student) {
        EntityManager em = tenant.em();
        Cohort cohort = tenant.require(Cohort.class, student.cohortId(), "cohortId");
        List<Specialty> targets = student.targetSpecialties() == null ? List.of()
                : student.targetSpecialties().stream().map(s -> Specialty.parse("targetSpecialties", s)).toList();
        Student enrolled = new Student(cohort, student.fullName(), student.email(), targets);
        if (!em.createNamedQuery("Student.findByEmail", Student.class)
                .setParameter("email", enrolled.getEmail()).getResultList().isEmpty()) {
            throw new DomainException("email", "A student with email " + enrolled.getEmail() + " is already enrolled");
        }
        enrolled.describeBackground(student.medicalSchool(), student.country());
        enrolled.recordErasIds(student.erasAamcId(), null);
        em.persist(enrolled);
        em.flush();
        return StudentView.of(enrolled);
    }

    @RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN, Roles.STUDENT})
    public StudentView recordErasIds(long studentId, String erasAamcId, String nrmpId) {
        Student student = tenant.readableStudent(session, studentId);
        student.recordErasIds(erasAamcId, nrmpId);
        return StudentView.of(student);
    }

    @RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN, Roles.STUDENT})
    public Optional<StudentView> find(long id) {
        return Finder.find(tenant.em(), Student.class, id)
                .filter(s -> Caller.isStaff(session) || s.getEmail().equals(Caller.login(session)))
                .map(StudentView::of);
    }

    /**
     * A student's planned certify/submit date: their own, if they set one, else their cohort's, with the days they
     * may choose from.
     *
     * @param id the student
     */
    public record SubmitDate(long id, LocalDate ownDate, LocalDate cohortDate, String cohortName, LocalDate effective,
                             LocalDate earliest, LocalDate latest) implements java.io.Serializable {
        public boolean isOwn() {
            return ownDate != null;
        }
    }

    @RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN, Roles.STUDENT})
    public SubmitDate submitDate(long studentId) {
        return submitDateOf(tenant.readableStudent(session, studentId));
    }

    /**
     * Sets the student's own planned submit date (the student or staff), or with null goes back to the cohort's.
     * Reminders, the at-risk rule and the limit on deadlines read it from then on.
     */
    @RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN, Roles.STUDENT})
    public SubmitDate planSubmission(long studentId, LocalDate plannedSubmitOn) {
        Student student = tenant.readableStudent(session, studentId);
        student.planSubmission(plannedSubmitOn, tenant.today());
        tenant.em().flush();
        return submitDateOf(student);
    }

    private SubmitDate submitDateOf(Student student) {
        Cohort cohort = student.getCohort();
        return new SubmitDate(student.getId(), student.getPlannedSubmitOn(), cohort.getPlannedSubmitOn(), cohort.getName(),
                student.effectivePlannedSubmitOn(), student.earliestPlannedSubmitOn(tenant.today()), student.latestPlannedSubmitOn());
    }

    /** The calling student's own record. */
    @RolesAllowed(Roles.STUDENT)
    public StudentView me() {
        return StudentView.of(tenant.ownStudent(session));
    }

    /** One page of the agency's students, by id. */
    public org.lorkit.application.Page<StudentView> list(@jakarta.validation.constraints.Min(value = 0, message = "first cannot be negative") int first,
                                                         @jakarta.validation.constraints.Min(value = 1, message = "size must be at least 1")
                                                         @jakarta.validation.constraints.Max(value = org.lorkit.application.Page.MAX_SIZE, message = "size must be at most 100") int max) {
        EntityManager em = tenant.em();
        List<StudentView> items = em.createNamedQuery("Student.all", Student.class).setFirstResult(first).setMaxResults(max)
                .getResultList().stream().map(StudentView::of).toList();
        return new org.lorkit.application.Page<>(items, first, em.createNamedQuery("Student.count", Long.class).getSingleResult());
    }

    public List<StudentView> listByCohort(long cohortId) {
        EntityManager em = tenant.em();
        Cohort cohort = tenant.require(Cohort.class, cohortId, "cohortId");
        return em.createNamedQuery("Student.findByCohort", Student.class).setParameter("cohort", cohort)
                .getResultList().stream().map(StudentView::of).toList();
    }
}
