package org.lorkit.application.dashboard;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.util.List;

/**
 * Counts the standings a transaction changed again when its outermost service call ends: the one point every change
 * passes, after the service's last change and still inside its transaction (a JTA synchronization before the commit
 * may run after EclipseLink has written its unit of work, too late for a statement of ours). The default interceptor of
 * every EJB of this module (ejb-jar.xml), so no service can forget it; the services only name what they changed
 * ({@link StandingChanges}). A call that fails leaves its transaction to roll back: nothing to count.
 */
public class StandingRefresh {
    @Inject
    StandingChanges changes;
    @Inject
    StandingRows rows;

    @AroundInvoke
    public Object refreshAfter(InvocationContext call) throws Exception {
        StandingChanges.Changed changed = changes.inTransaction();
        if (changed == null) {
            return call.proceed();
        }
        changed.depth++;
        Object result;
        try {
            result = call.proceed();
        } finally {
            changed.depth--;
        }
        if (changed.depth == 0 && changed.any() && changes.committing()) {
            // Taken off first: the refresh's own flush may run entity callbacks, and a second call of this
            // transaction starts afresh.
            boolean wholeAgency = changed.wholeAgency;
            List<Long> students = List.copyOf(changed.students);
            changed.wholeAgency = false;
            changed.students.clear();
            CurrentAgency.callAs(changed.agency, () -> {
                if (wholeAgency) {
                    rows.refreshAgency();
                } else {
                    rows.refresh(students);
                }
                return null;
            });
        }
        return result;
    }
}
