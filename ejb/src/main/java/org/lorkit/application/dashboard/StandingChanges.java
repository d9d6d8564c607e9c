package org.lorkit.application.dashboard;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the current transaction changed of the inputs of students' standings: the students, or the whole agency (its
 * rules). Whoever changes an input names it here (LetterHistory for every entry of a request's history, the services
 * for rotations, feedback, target specialties, mail problems and the agency's rules); {@link StandingRefresh} counts
 * them again at the end of the transaction's outermost service call, after the change was flushed and in the same
 * transaction. Kept in the transaction's own resources (TransactionSynchronizationRegistry), so it never outlives it.
 */
@ApplicationScoped
public class StandingChanges {
    private static final Logger LOG = Logger.getLogger(StandingChanges.class.getName());
    private static final Object KEY = StandingChanges.class;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The students (and the agency) one transaction changed. */
    static final class Changed {
        /** The agency of the changes, once there are some (an attending's link finds its agency inside the call). */
        Long agency;
        final Set<Long> students = new LinkedHashSet<>();
        boolean wholeAgency;
        /** How many service calls of this transaction are under way: the refresh waits for the outermost one to end. */
        int depth;

        boolean any() {
            return wholeAgency || !students.isEmpty();
        }
    }

    /** An input of this student's standing changed in this transaction. */
    public void student(long studentId) {
        changed().students.add(studentId);
    }

    /** An input of every student's standing changed (the agency's rules). */
    public void wholeAgency() {
        changed().wholeAgency = true;
    }

    private Changed changed() {
        Changed changed = inTransaction();
        if (changed == null) {
            throw new IllegalStateException("A standing input changed outside a transaction");
        }
        long agency = CurrentAgency.require();
        if (changed.agency == null) {
            changed.agency = agency;
            // A change made where no service call ends after it (no StandingRefresh around it) would go uncounted: say so.
            transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (changed.any() && committing()) {
                        LOG.log(Level.SEVERE, "Standing inputs of agency {0} changed outside a service call and were not counted again: {1}",
                                new Object[]{changed.agency, changed.wholeAgency ? "the whole agency" : changed.students});
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        } else if (changed.agency != agency) {
            throw new IllegalStateException("The agency changed inside one transaction");
        }
        return changed;
    }

    /** This transaction's changes, made on first use; null outside a transaction. */
    Changed inTransaction() {
        if (transactions.getTransactionKey() == null) {
            return null;
        }
        Changed changed = (Changed) transactions.getResource(KEY);
        if (changed == null) {
            changed = new Changed();
            transactions.putResource(KEY, changed);
        }
        return changed;
    }

    /** Whether the transaction will commit (a refresh in one that rolls back would be wasted, or refused). */
    boolean committing() {
        return transactions.getTransactionStatus() == jakarta.transaction.Status.STATUS_ACTIVE;
    }
}
