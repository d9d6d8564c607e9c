package org.lorkit.it.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.lorkit.infrastructure.tenancy.CurrentAgency;
import org.lorkit.infrastructure.tenancy.TenantEntityManager;

/** How many students, rotations and supervisions one agency has, counted by the database (the tenant filter applies). */
@Stateless
@PermitAll
public class RowCounts {
    @Inject
    TenantEntityManager tenant;

    public long students(long agencyId) {
        return count(agencyId, "Student");
    }

    public long rotations(long agencyId) {
        return count(agencyId, "Rotation");
    }

    public long supervisions(long agencyId) {
        return count(agencyId, "Supervision");
    }

    public long attendings(long agencyId) {
        return count(agencyId, "Attending");
    }

    private long count(long agencyId, String entity) {
        return CurrentAgency.callAs(agencyId, () -> tenant.get()
                .createQuery("select count(x) from " + entity + " x", Long.class).getSingleResult());
    }
}
