package org.lorkit.it.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.tenancy.TenantEntityManager;

import java.util.List;

/**
 * Test-only: thousands of students in one transaction, for the tests that need a large cohort quickly (the
 * services enroll one at a time, each with its own checks). Runs in the agency in context.
 */
@Stateless
@PermitAll
public class BulkWrites {
    @Inject
    TenantEntityManager tenant;

    /** Runs the work in one transaction, so that everything it writes becomes visible at once. */
    public <T> T inOneTransaction(java.util.concurrent.Callable<T> work) throws Exception {
        return work.call();
    }

    public void students(long cohortId, int count) {
        EntityManager em = tenant.get();
        Cohort cohort = em.find(Cohort.class, cohortId);
        List<Specialty> targets = List.of(Specialty.INTERNAL_MEDICINE);
        for (int i = 0; i < count; i++) {
            em.persist(new Student(cohort, "Student " + i, Fixtures.unique("s" + i) + "@bulk.example", targets));
            if (i % 500 == 499) {
                em.flush();
                em.clear();
                cohort = em.find(Cohort.class, cohortId);
            }
        }
        em.flush();
    }
}
