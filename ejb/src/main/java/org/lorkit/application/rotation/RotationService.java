package org.lorkit.application.rotation;

import org.lorkit.domain.agency.AgencyRules;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import org.lorkit.application.Roles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.lorkit.application.TenantData;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@Stateless
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
public class RotationService {
    @Inject
    org.lorkit.application.dashboard.StandingChanges standings;
    @Inject
    private TenantData tenant;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    public RotationView place(@NotNull @Valid NewRotation rotation) {
        EntityManager em = tenant.em();
        Student student = tenant.require(Student.class, rotation.studentId(), "studentId");
        Rotation placed = new Rotation(student, rotation.site(), Specialty.parse("specialty", rotation.specialty()),
                rotation.setting(), rotation.kind(), rotation.academicAffiliated(), rotation.startDate(), rotation.endDate());
        em.persist(placed);
        standings.student(student.getId()); // the funnel's rotations
        em.flush();
        return RotationView.of(placed, today(), rules());
    }

    public RotationView addSupervisor(long rotationId, long attendingId, @Min(value = 0, message = "contactDays cannot be negative") int contactDays) {
        EntityManager em = tenant.em();
        Rotation rotation = tenant.require(Rotation.class, rotationId, "rotationId");
        Attending attending = tenant.require(Attending.class, attendingId, "attendingId");
        rotation.addSupervisor(attending, contactDays);
        em.flush();
        return RotationView.of(rotation, today(), rules());
    }

    @RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN, Roles.STUDENT})
    public List<RotationView> listByStudent(long studentId) {
        EntityManager em = tenant.em();
        Student student = tenant.readableStudent(session, studentId);
        LocalDate today = today();
        AgencyRules rules = rules();
        return em.createNamedQuery("Rotation.findByStudent", Rotation.class).setParameter("student", student)
                .getResultList().stream().map(r -> RotationView.of(r, today, rules)).toList();
    }

    /** Every rotation of the agency that ended at most {@code daysBack} days ago or is still to end, soonest first. */
    public List<RotationView> listCurrent(int daysBack) {
        LocalDate today = today();
        AgencyRules rules = rules();
        return tenant.em().createNamedQuery("Rotation.endingFrom",
                        Rotation.class).setParameter("from", today.minusDays(daysBack))
                .getResultList().stream().map(r -> RotationView.of(r, today, rules)).toList();
    }

    /** One page of the agency's rotations, by id. */
    public org.lorkit.application.Page<RotationView> list(@jakarta.validation.constraints.Min(value = 0, message = "first cannot be negative") int first,
                                                          @jakarta.validation.constraints.Min(value = 1, message = "size must be at least 1")
                                                          @jakarta.validation.constraints.Max(value = org.lorkit.application.Page.MAX_SIZE, message = "size must be at most 100") int max) {
        EntityManager em = tenant.em();
        LocalDate today = today();
        AgencyRules rules = rules();
        List<RotationView> items = em.createNamedQuery("Rotation.all", Rotation.class).setFirstResult(first).setMaxResults(max)
                .getResultList().stream().map(r -> RotationView.of(r, today, rules)).toList();
        return new org.lorkit.application.Page<>(items, first, em.createNamedQuery("Rotation.count", Long.class).getSingleResult());
    }

    /** One rotation of the agency; another agency's is none, like a missing one. */
    public java.util.Optional<RotationView> find(long id) {
        return org.lorkit.infrastructure.persistence.Finder.find(tenant.em(), Rotation.class, id)
                .map(r -> RotationView.of(r, today(), rules()));
    }

    private LocalDate today() {
        return tenant.today();
    }

    private AgencyRules rules() {
        return tenant.agency().getRules();
    }
}
