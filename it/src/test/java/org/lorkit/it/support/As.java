package org.lorkit.it.support;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.util.concurrent.Callable;

/** Runs test code as one of the {@link Identities}, inside an agency as the token filter would set it. */
@ApplicationScoped
public class As {
    @Inject
    AsOperator operator;
    @Inject
    AsStaff staff;
    @Inject
    AsAdmin admin;
    @Inject
    AsOwnerStudent ownerStudent;
    @Inject
    AsOtherStudent otherStudent;

    /** Work that may throw anything, so assertions on exceptions read naturally. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    public <T> T operator(Work<T> work) {
        return unchecked(() -> operator.call(work::call));
    }

    public <T> T staff(long agencyId, Work<T> work) {
        return inAgency(agencyId, () -> staff.call(work::call));
    }

    public <T> T admin(long agencyId, Work<T> work) {
        return inAgency(agencyId, () -> admin.call(work::call));
    }

    public void staff(long agencyId, Runnable work) {
        staff(agencyId, () -> {
            work.run();
            return null;
        });
    }

    public <T> T ownerStudent(long agencyId, Work<T> work) {
        return inAgency(agencyId, () -> ownerStudent.call(work::call));
    }

    public <T> T otherStudent(long agencyId, Work<T> work) {
        return inAgency(agencyId, () -> otherStudent.call(work::call));
    }

    /** Staff whose login names no agency LorKit knows: tenant data stays out of reach. */
    public <T> T staffOutsideAnyAgency(Work<T> work) {
        return unchecked(() -> staff.call(work::call));
    }

    /** No login at all, though an agency is in context: every service must refuse. */
    public <T> T anonymous(long agencyId, Work<T> work) {
        return inAgency(agencyId, work::call);
    }

    private static <T> T inAgency(long agencyId, Callable<T> work) {
        try (CurrentAgency.Scope ignored = CurrentAgency.enter(agencyId)) {
            return unchecked(work);
        }
    }

    private static <T> T unchecked(Callable<T> work) {
        try {
            return work.call();
        } catch (EJBException e) {
            // What the work threw (an assertion, or a service's application exception, which is one
            // only inside the services' module) comes back wrapped by the identity bean: unwrap it.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
