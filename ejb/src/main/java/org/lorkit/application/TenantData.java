package org.lorkit.application;

import jakarta.ejb.SessionContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionScoped;
import org.lorkit.domain.agency.Agency;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.persistence.Finder;
import org.lorkit.infrastructure.tenancy.TenantEntityManager;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The one way a service reaches its agency's data: the tenant's EntityManager, the agency itself, "this id or not
 * found", and the students the caller may read. Transaction-scoped like the EntityManager it hands out, because the
 * agency is loaded once into that EntityManager, and a timer or the outbox runs several agencies in one request but
 * each in its own transaction (CurrentAgency.callAs around a REQUIRES_NEW call).
 * <p>
 * The caller's roles are asked of the calling bean's own SessionContext, passed in: the roles a bean may test are
 * the ones it declares, and a CDI bean has no EJB context of its own.
 */
@TransactionScoped
public class TenantData implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    TenantEntityManager tenant;

    @Inject
    Clock clock;

    /** Loaded at most once per transaction (again only if the EntityManager was cleared); never carried into another one. */
    private transient Agency agency;

    /** The EntityManager of the agency in context, for this transaction. */
    public EntityManager em() {
        return tenant.get();
    }

    public long agencyId() {
        return tenant.agencyId();
    }

    /** The agency in context, found once per transaction (in the shared cache, see Agency: no statement most of the time). */
    public Agency agency() {
        long id = tenant.agencyId();
        if (agency == null || !em().contains(agency)) {
            agency = require(Agency.class, id, "agency");
        }
        return agency;
    }

    /**
     * The agency in context to change: read afresh from its row and locked until the transaction ends, so that a change
     * starts from the latest values even where this node's cached copy is another node's older one (see Agency).
     */
    /**
     * The agency as of at least this version of its row, which the caller read in a query of its own: this node's cached
     * copy (see Agency) may be up to a few seconds behind a change another node made, and whoever keeps what it builds
     * from the agency under that version (the attending's kit page) must not keep the older copy's words under it.
     */
    public Agency agencyAsOf(long version) {
        Agency current = agency();
        if (current.getVersion() < version) {
            em().refresh(current);
        }
        return current;
    }

    public Agency agencyToChange() {
        agency = Finder.find(em(), Agency.class, tenant.agencyId(), LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Finder.notFound(Agency.class, tenant.agencyId(), "agency"));
        return agency;
    }

    /** The agency's time zone: its calendar decides every "today" and every date shown to its people. */
    public ZoneId zone() {
        return agency().getTimeZone();
    }

    /** The one clock of the agency: the application's clock in the agency's time zone. */
    public Clock clock() {
        return clock.withZone(zone());
    }

    /** Now, on the agency's calendar. */
    public ZonedDateTime now() {
        return ZonedDateTime.now(clock());
    }

    /** Today, on the agency's calendar (not UTC's: 23:30 UTC is already tomorrow in Kolkata). */
    public LocalDate today() {
        return LocalDate.now(clock());
    }

    /** The agency's record of this type and id, or the one "not found" error for the given input field. */
    public <T> T require(Class<T> type, Long id, String field) {
        return Finder.require(em(), type, id, field);
    }

    /** The student record, if the caller is the agency's staff or is this student; otherwise reported as missing. */
    public Student readableStudent(SessionContext caller, Long studentId) {
        Student student = require(Student.class, studentId, "studentId");
        if (Caller.isStaff(caller) || student.getEmail().equals(Caller.login(caller))) {
            return student;
        }
        throw Finder.notFound(Student.class, studentId, "studentId");
    }

    /** The calling student's own record. */
    public Student ownStudent(SessionContext caller) {
        return Finder.single(em().createNamedQuery("Student.findByEmail", Student.class)
                        .setParameter("email", Caller.login(caller)).getResultList())
                .orElseThrow(() -> new DomainException("Your student record is not set up in this agency yet"));
    }
}
