package org.lorkit.application.roster;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.lorkit.application.Actor;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.domain.agency.Agency;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Importing a roster file: {@link #preview} checks it and stores nothing; {@link #confirm} stores it in
 * the background, all or nothing; {@link #progress} is what the page polls; {@link #invite} then invites
 * the new students through Keycloak, after the import has committed and never inside it.
 */
@Stateless
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
public class RosterImportService {
    private static final Logger LOG = Logger.getLogger(RosterImportService.class.getName());

    @Inject
    private TenantData tenant;
    @Inject
    private RosterImports imports;
    @Inject
    private RosterImportWorker worker;
    @Inject
    private KeycloakDirectory keycloak;
    @Inject
    private Clock clock;
    @Resource
    private SessionContext session;
    @Inject
    private org.lorkit.infrastructure.metrics.Meters meters;

    /**
     * Reads and checks the file against what the agency has (four queries, whatever the number of rows).
     * Nothing is stored. A file without problems is kept for {@link #confirm} under the returned id.
     */
    public RosterPreview preview(@NotNull(message = "Choose a CSV file first") byte[] csv) {
        EntityManager em = tenant.em();
        RosterPlan plan = RosterCsv.read(csv, directory(em));
        String importId = plan.hasProblems() ? null
                : imports.register(tenant.agencyId(), Actor.of(session), clock.instant(), plan).id();
        LOG.info(() -> "Roster preview for agency " + tenant.agencyId() + ": " + plan.rows() + " rows, "
                + plan.problemCount() + " problems");
        meters.rosterRows(plan.rows() - plan.refusedRows(), plan.refusedRows());
        return RosterPreview.of(importId, plan);
    }

    /** Starts storing a previewed file in the background; a second confirm of the same import changes nothing. */
    public RosterImportProgress confirm(@NotBlank(message = "importId is required") String importId) {
        RosterImportJob job = job(importId);
        if (job.queue()) {
            LOG.info(() -> "Roster import " + importId + " of agency " + job.agencyId() + " confirmed by " + Actor.of(session));
            worker.write(job);
        }
        return job.progress();
    }

    public RosterImportProgress progress(@NotBlank(message = "importId is required") String importId) {
        return job(importId).progress();
    }

    /**
     * Invites, in the background, the students the import created who have not been invited yet (all of
     * them the first time; those whose invitation failed when asked again).
     */
    public RosterImportProgress invite(@NotBlank(message = "importId is required") String importId) {
        RosterImportJob job = job(importId);
        if (job.state() != ImportState.DONE) {
            throw new DomainException("importId", "The students can be invited once the import is stored");
        }
        Agency agency = tenant.agency();
        String organizationId = keycloak.organizationId(agency.getSlug()).orElseThrow(() ->
                new DomainException("Your agency has no Keycloak organization yet; ask the LorKit platform operator"));
        if (job.startInviting()) {
            worker.invite(job, organizationId);
        }
        return job.progress();
    }

    private RosterImportJob job(String importId) {
        return imports.find(importId, tenant.agencyId())
                .orElseThrow(() -> new DomainException("importId", "No roster import " + importId + " (it may have expired: upload the file again)"));
    }

    private static RosterDirectory directory(EntityManager em) {
        Map<String, String> students = new HashMap<>();
        for (Object[] row : em.createNamedQuery("Student.emailsAndNames", Object[].class).getResultList()) {
            students.put((String) row[0], (String) row[1]);
        }
        Map<String, String> attendings = new HashMap<>();
        for (Object[] row : em.createNamedQuery("Attending.emailsAndNames", Object[].class).getResultList()) {
            attendings.put((String) row[0], (String) row[1]);
        }
        Set<String> rotations = new HashSet<>();
        for (Object[] row : em.createNamedQuery("Supervision.rosterKeys", Object[].class).getResultList()) {
            rotations.add(RosterDirectory.rotationKey((String) row[0], (String) row[1], row[2], row[3], (String) row[4]));
        }
        return RosterDirectory.of(em.createNamedQuery("Cohort.findActive", Cohort.class).getResultList(), students,
                attendings, rotations);
    }
}
