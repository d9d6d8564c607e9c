package org.lorkit.application.dashboard;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.application.TenantData;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The kept standing rows of the agency in context (student_standing, V21): each student's figures recomputed set-based
 * from their requests, rotations and target specialties by the same per-request definitions as the from-scratch SQL
 * (DashboardSql.keptRows), in the caller's transaction, after what it changed was flushed. Services do not call this:
 * what they change is named to {@link StandingChanges}, and {@link StandingRefresh} refreshes it at the end of the
 * outermost service call of the transaction.
 * <p>
 * A refresh locks the students' rows first and reads their inputs in the statements after the lock: two transactions
 * changing one student's letters count one after the other, and the second counts the first's change too.
 */
@Dependent
public class StandingRows {
    /** Students per statement: an IN list of literals (long ids) that every database takes. */
    private static final int CHUNK = 500;

    @Inject
    TenantData tenant;
    @Inject
    java.time.Clock clock;

    /** Counts these students of the agency again, as of the agency's today. */
    public void refresh(Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return;
        }
        EntityManager em = tenant.em();
        em.flush();
        long agency = tenant.agencyId();
        LocalDate today = tenant.today();
        List<Long> ids = new ArrayList<>(new TreeSet<>(studentIds)); // in id order: two refreshes lock rows in the same order
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String in = chunk.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
            lockAndDelete(em, agency, "student_id IN (" + in + ")");
            insert(em, DashboardSql.keptRows(agency, today, tenant.agency().getRules(), chunk));
        }
    }

    /**
     * Counts every student of the agency again: when what counts for all of them changed (the agency's ask window), and
     * the first time (an agency whose rows were never all counted, see {@link #ensureCurrent}). Locks the agency's row
     * first, so two of these wait for each other.
     */
    public void refreshAgency() {
        EntityManager em = tenant.em();
        em.flush();
        long agency = tenant.agencyId();
        sql(em, "SELECT id FROM agency WHERE id = " + agency + " FOR UPDATE").getResultList();
        lockAndDelete(em, agency, "1 = 1");
        insert(em, DashboardSql.keptRows(agency, tenant.today(), tenant.agency().getRules(), null));
        sql(em, "DELETE FROM student_standing_agency WHERE agency_id = " + agency).executeUpdate();
        sql(em, "INSERT INTO student_standing_agency (agency_id, counted_at) VALUES (" + agency + ", ?1)")
                .setParameter(1, java.sql.Timestamp.from(clock.instant())).executeUpdate();
    }

    /**
     * Makes the agency's rows right for today: all of them if they were never all counted, else those whose date-dependent
     * counts are due (recheck_on today or before; or counted on a later day, when the clock went back). Normally none
     * after the day's sweep: one statement. Returns how many students were counted again.
     */
    public int ensureCurrent() {
        EntityManager em = tenant.em();
        long agency = tenant.agencyId();
        LocalDate today = tenant.today();
        List<Long> due = new ArrayList<>();
        boolean neverCounted = false;
        // One statement: the due students, and -1 when the agency was never counted in full.
        for (Object id : sql(em, "SELECT student_id FROM student_standing WHERE agency_id = " + agency + " AND (recheck_on <= "
                + DashboardSql.lit(today) + " OR counted_on > " + DashboardSql.lit(today) + ") UNION ALL SELECT -1 FROM agency WHERE id = "
                + agency + " AND NOT EXISTS (SELECT 1 FROM student_standing_agency m WHERE m.agency_id = " + agency + ")").getResultList()) {
            long value = ((Number) id).longValue();
            if (value < 0) {
                neverCounted = true;
            } else {
                due.add(value);
            }
        }
        if (neverCounted) {
            refreshAgency();
            return -1;
        }
        refresh(due);
        return due.size();
    }

    private static void lockAndDelete(EntityManager em, long agency, String which) {
        sql(em, "SELECT student_id FROM student_standing WHERE agency_id = " + agency + " AND " + which
                + " ORDER BY student_id FOR UPDATE").getResultList();
        sql(em, "DELETE FROM student_standing WHERE agency_id = " + agency + " AND " + which).executeUpdate();
    }

    private static void insert(EntityManager em, DashboardSql rows) {
        sql(em, "INSERT INTO student_standing (" + String.join(", ", DashboardSql.keptColumns()) + ") " + rows).executeUpdate();
    }

    /** Native SQL beside multitenant entities: every statement here names the agency itself. */
    private static jakarta.persistence.Query sql(EntityManager em, String sql) {
        return em.createNativeQuery(sql).setHint("eclipselink.jdbc.allow-native-sql-query", true);
    }
}
