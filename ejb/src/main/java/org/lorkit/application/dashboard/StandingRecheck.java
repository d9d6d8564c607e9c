package org.lorkit.application.dashboard;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The daily part of the kept standings: the reminder sweep asks each agency (in context) to count again the students
 * whose date-dependent figures changed with the day (a deadline passed, an ERAS report reached the mismatch's days),
 * and counts an agency never counted in full. Dashboards do the same before they read, so they are exact before the
 * sweep has run; after it, they find nothing to do.
 */
@Stateless
@PermitAll // called by the reminder timer, for the agency in context, about that agency's own rows only
public class StandingRecheck {
    @Inject
    StandingRows rows;

    /** How many students of the agency in context were counted again (-1: all of them, the first time). */
    public int recheck() {
        return rows.ensureCurrent();
    }
}
