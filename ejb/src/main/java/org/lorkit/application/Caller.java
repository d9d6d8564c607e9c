package org.lorkit.application;

import jakarta.ejb.SessionContext;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.persistence.Finder;

import java.util.Locale;

/**
 * Who calls a service, and what of the agency's data that caller may touch: staff see all of their
 * agency (the tenant filter already keeps other agencies out); a student sees only their own records.
 * A record the caller may not see is reported exactly like one that does not exist. The student lookups that need
 * the agency's data are {@link TenantData#readableStudent} and {@link TenantData#ownStudent}.
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

    /** Refuses a record that belongs to another student, with the same words as a missing one. */
    public static <T> T ownedBy(SessionContext context, Student owner, T record, Class<T> type, Long id, String field) {
        if (isStaff(context) || owner.getEmail().equals(login(context))) {
            return record;
        }
        throw Finder.notFound(type, id, field);
    }
}
