package org.lorkit.application.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.lorkit.application.Roles;
import org.lorkit.application.roster.RosterImportJob.Invitee;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;
import org.lorkit.infrastructure.logging.LogContext;
import org.lorkit.infrastructure.tenancy.CurrentAgency;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background half of an import, started only by {@link RosterImportService} with a job it has checked
 * belongs to the caller's agency. Runs on the EJB asynchronous pool with the caller's identity (it
 * propagates to asynchronous methods, so {@code @RolesAllowed} still applies) and the job's agency id set
 * explicitly, as timers do. No transaction of its own: the writer's transaction commits before this
 * method reports the import stored, and Keycloak is called only after that, one student at a time.
 */
@Stateless
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RosterImportWorker {
    private static final Logger LOG = Logger.getLogger(RosterImportWorker.class.getName());

    @Inject
    private RosterImportWriter writer;
    @Inject
    private KeycloakDirectory keycloak;

    @Asynchronous
    public void write(RosterImportJob job) {
        if (!job.start()) {
            return;
        }
        try (LogContext.Scope run = LogContext.job("roster-import"); CurrentAgency.Scope in = CurrentAgency.enter(job.agencyId())) {
            store(job);
        }
    }

    private void store(RosterImportJob job) {
        try {
            RosterImportWriter.Written written = writer.write(job);
            job.done(written);
            LOG.log(Level.INFO, "Roster import {0} of agency {1} stored: {2} new students, {3} rotations",
                    new Object[]{job.id(), job.agencyId(), written.studentsCreated(), written.rotationsCreated()});
        } catch (DomainException e) {
            job.failed(e.getMessage() + " Nothing was stored.");
            LOG.log(Level.INFO, "Roster import {0} of agency {1} refused, nothing stored: {2}",
                    new Object[]{job.id(), job.agencyId(), e.getMessage()});
        } catch (RuntimeException e) {
            job.failed("The import could not be stored, so nothing was stored. Try again; if it fails again, "
                    + "the server log has the details (import " + job.id() + ").");
            LOG.log(Level.SEVERE, "Roster import " + job.id() + " of agency " + job.agencyId() + " failed and was rolled back", e);
        }
    }

    /** Invites each new student not yet invited; a failure is counted and logged, and the next one goes on. */
    @Asynchronous
    public void invite(RosterImportJob job, String organizationId) {
        try (LogContext.Scope run = LogContext.job("roster-invite"); CurrentAgency.Scope in = CurrentAgency.enter(job.agencyId())) {
            inviteAll(job, organizationId);
        }
    }

    private void inviteAll(RosterImportJob job, String organizationId) {
        try {
            for (Invitee invitee : job.notYetInvited()) {
                String[] names = invitee.fullName().split("\\s+", 2);
                try {
                    String userId = keycloak.invite(organizationId, invitee.email(), names[0], names.length > 1 ? names[1] : "-", Roles.STUDENT);
                    try {
                        writer.linkLogin(invitee.email(), userId);
                    } catch (RuntimeException notLinked) {
                        // A login LorKit does not know could never be erased with its student: take it back, the
                        // invitation can be tried again.
                        keycloak.deleteUser(userId);
                        throw notLinked;
                    }
                    job.invited(invitee.email());
                } catch (RuntimeException e) {
                    job.invitationFailed(invitee.email(), e instanceof DomainException ? e.getMessage() : "Keycloak could not be reached");
                    LOG.log(Level.WARNING, "Roster import {0}: could not invite {1}: {2}",
                            new Object[]{job.id(), invitee.email(), e.getMessage()});
                }
            }
        } finally {
            job.invitationsFinished();
        }
    }
}
