package org.lorkit.application;

import jakarta.ejb.SessionContext;
import jakarta.persistence.EntityManager;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.persistence.Finder;

import java.util.Locale;

/**
 * Who calls a service, and what of the agency's data that caller may touch: staff see all of their
 * agency (the tenant filter already keeps other agencies out); a student sees only their own records.
 * A record the caller may not see is reported exactly like one that does not exist.
 */
public final class Caller {
    private Caller() {
    }

    public static boolean isStaff(SessionContext context) {
        return context.isCallerInRole(Roles.AGENCY_STAFF) || context.isCallerInRole(Roles.AGENCY_ADMIN);
    }

    /** The login name (the email address) of the caller. */
    public static String login(SessionContext context) {
        return context.getCallerPrincipal().getName().toLowerCase(Locale.ROOT);
    }

    /** The student record, if staff may see it or it is the calling student's own. */
    public static Student readableStudent(SessionContext context, EntityManager em, Long studentId) {
        Student student = Finder.require(em, Student.class, studentId, "studentId");
        if (isStaff(context) || student.getEmail().equals(login(context))) {
            return student;
        }
        throw Finder.notFound(Student.class, studentId, "studentId");
    }

    /** Refuses a record that belongs to another student, with the same words as a missing one. */
    public static <T> T ownedBy(SessionContext context, Student owner, T record, Class<T> type, Long id, String field) {
        if (isStaff(context) || owner.getEmail().equals(login(context))) {
            return record;
        }
        throw Finder.notFound(type, id, field);
    }

    /** The calling student's own record. */
    public static Student self(SessionContext context, EntityManager em) {
        return Finder.single(em.createNamedQuery("Student.findByEmail", Student.class)
                        .setParameter("email", login(context)).getResultList())
                .orElseThrow(() -> new DomainException("Your student record is not set up in this agency yet"));
    }
}
