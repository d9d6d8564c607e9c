package org.lorkit.application.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.QueryHints;
import org.jboss.ejb3.annotation.TransactionTimeout;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.application.roster.RosterImportJob.Invitee;
import org.lorkit.application.roster.RosterPlan.PlannedAttending;
import org.lorkit.application.roster.RosterPlan.PlannedRotation;
import org.lorkit.application.roster.RosterPlan.PlannedStudent;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.student.Student;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Stores a checked roster in one transaction: all of it or, if anything fails, none of it. The entities
 * are built again with their constructors (so a rule that changed since the preview still applies), in
 * chunks: persist, {@code flush()} (EclipseLink's JDBC batch writing sends each chunk's inserts in a few
 * round trips), then {@code clear()} so the persistence context stays small. Clearing is safe here
 * because nothing managed is used after it: the next chunk loads its students and attendings again, by
 * id, in one query each, and tenant-owned entities never sit in the shared cache (tenants do not share
 * it). The transaction may run longer than the server's default timeout for files of 20,000 rows.
 */
@Stateless
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class RosterImportWriter {
    private static final Logger LOG = Logger.getLogger(RosterImportWriter.class.getName());
    static final int CHUNK = 500;

    @Inject
    org.lorkit.application.dashboard.StandingChanges standings;
    @Inject
    private TenantData tenant;

    /** What was stored, and whom to invite. */
    public record Written(int studentsCreated, int studentsReused, int attendingsCreated, int attendingsReused,
                          int rotationsCreated, List<Invitee> invitees) {
    }

    /** Remembers the login an invitation created for the student with this email (erasure removes that login only). */
    public void linkLogin(String email, String keycloakUserId) {
        EntityManager em = tenant.em();
        em.createNamedQuery("Student.findByEmail", Student.class).setParameter("email", email).getResultList()
                .forEach(student -> student.linkLogin(keycloakUserId));
    }

    @TransactionTimeout(value = 30, unit = TimeUnit.MINUTES)
    public Written write(RosterImportJob job) {
        EntityManager em = tenant.em();
        if (tenant.agencyId() != job.agencyId()) {
            throw new IllegalStateException("An import of agency " + job.agencyId() + " ran as agency " + tenant.agencyId());
        }
        RosterPlan plan = job.plan();
        Map<String, Long> studentIds = idsByEmail(em, "Student.idsByEmail");
        Map<String, Long> attendingIds = idsByEmail(em, "Attending.idsByEmail");
        int studentsReused = plan.reusedStudents().size();
        int attendingsReused = plan.reusedAttendings().size();

        job.phase("Storing " + plan.newStudents().size() + " new students");
        List<Invitee> invitees = new ArrayList<>();
        Map<String, Cohort> cohorts = activeCohorts(em);
        List<Student> students = new ArrayList<>();
        for (PlannedStudent planned : plan.newStudents().values()) {
            if (studentIds.containsKey(planned.email())) {
                studentsReused++; // enrolled by someone else since the preview: the same person
                continue;
            }
            Cohort cohort = cohorts.get(planned.cohortKey());
            if (cohort == null) {
                throw new DomainException("cohort", "Line " + planned.line() + ": the cohort is no longer active. Check the file again.");
            }
            Student student = new Student(cohort, planned.fullName(), planned.email(), planned.targetSpecialties());
            student.describeBackground(planned.medicalSchool(), planned.country());
            em.persist(student);
            students.add(student);
            invitees.add(new Invitee(student.getEmail(), student.getFullName()));
            if (students.size() == CHUNK) {
                flushAndClear(em, students, studentIds, Student::getEmail, Student::getId);
                cohorts = activeCohorts(em);
            }
        }
        flushAndClear(em, students, studentIds, Student::getEmail, Student::getId);

        job.phase("Storing " + plan.newAttendings().size() + " new attendings");
        int attendingsCreated = 0;
        List<Attending> attendings = new ArrayList<>();
        for (PlannedAttending planned : plan.newAttendings().values()) {
            if (attendingIds.containsKey(planned.email())) {
                attendingsReused++;
                continue;
            }
            Attending attending = new Attending(planned.fullName(), planned.email(), planned.title(), planned.specialty(),
                    planned.usBased(), null);
            em.persist(attending);
            attendings.add(attending);
            attendingsCreated++;
            if (attendings.size() == CHUNK) {
                flushAndClear(em, attendings, attendingIds, Attending::getEmail, Attending::getId);
            }
        }
        flushAndClear(em, attendings, attendingIds, Attending::getEmail, Attending::getId);

        job.phase("Storing rotations");
        List<PlannedRotation> rotations = plan.rotations();
        for (int from = 0; from < rotations.size(); from += CHUNK) {
            List<PlannedRotation> chunk = rotations.subList(from, Math.min(from + CHUNK, rotations.size()));
            Map<Long, Student> chunkStudents = load(em, Student.class, "s", chunk.stream()
                    .map(r -> required(studentIds, r.studentEmail(), r.line())).toList(), Student::getId);
            Map<Long, Attending> chunkAttendings = load(em, Attending.class, "a", chunk.stream()
                    .map(r -> required(attendingIds, r.attendingEmail(), r.line())).toList(), Attending::getId);
            for (PlannedRotation planned : chunk) {
                Rotation rotation = new Rotation(chunkStudents.get(studentIds.get(planned.studentEmail())), planned.site(),
                        planned.specialty(), planned.setting(), planned.kind(), planned.academic(), planned.startDate(),
                        planned.endDate());
                rotation.addSupervisor(chunkAttendings.get(attendingIds.get(planned.attendingEmail())), planned.contactDays());
                em.persist(rotation);
                standings.student(rotation.getStudent().getId()); // the funnel's rotations
            }
            em.flush();
            em.clear();
            job.rowsDone(from + chunk.size());
        }
        job.phase("Committing");
        LOG.info(() -> "Roster import " + job.id() + " of agency " + job.agencyId() + " by " + job.previewedBy() + ": "
                + invitees.size() + " students, " + rotations.size() + " rotations written, committing");
        return new Written(invitees.size(), studentsReused, attendingsCreated, attendingsReused, rotations.size(), invitees);
    }

    private static <T> void flushAndClear(EntityManager em, List<T> persisted, Map<String, Long> ids,
                                          Function<T, String> email, Function<T, Long> id) {
        if (persisted.isEmpty()) {
            return;
        }
        em.flush();
        for (T entity : persisted) {
            ids.put(email.apply(entity), id.apply(entity));
        }
        persisted.clear();
        em.clear();
    }

    private static Long required(Map<String, Long> ids, String email, long line) {
        Long id = ids.get(email);
        if (id == null) {
            throw new DomainException("Line " + line + ": " + email + " is no longer in your agency. Check the file again.");
        }
        return id;
    }

    private static Map<String, Long> idsByEmail(EntityManager em, String queryName) {
        Map<String, Long> ids = new HashMap<>();
        for (Object[] row : em.createNamedQuery(queryName, Object[].class).getResultList()) {
            ids.put((String) row[0], ((Number) row[1]).longValue());
        }
        return ids;
    }

    private static Map<String, Cohort> activeCohorts(EntityManager em) {
        Map<String, Cohort> cohorts = new HashMap<>();
        for (Cohort cohort : em.createNamedQuery("Cohort.findActive", Cohort.class).getResultList()) {
            cohorts.putIfAbsent(RosterDirectory.nameKey(cohort.getName()), cohort);
        }
        return cohorts;
    }

    /**
     * The chunk's entities in one query, the type's findByIds (alias: that query's), a student's specialties and cohort
     * batch-fetched, not one query each.
     */
    private static <T> Map<Long, T> load(EntityManager em, Class<T> type, String alias, List<Long> ids, Function<T, Long> id) {
        Set<Long> distinct = new HashSet<>(ids);
        TypedQuery<T> query = em.createNamedQuery(type.getSimpleName() + ".findByIds", type).setParameter("ids", distinct);
        if (type == Student.class) {
            query.setHint(QueryHints.BATCH_TYPE, BatchFetchType.IN)
                    .setHint(QueryHints.BATCH, alias + ".targetSpecialties")
                    .setHint(QueryHints.BATCH, alias + ".cohort");
        }
        Map<Long, T> byId = new HashMap<>();
        for (T entity : query.getResultList()) {
            byId.put(id.apply(entity), entity);
        }
        return byId;
    }
}
