package org.lorkit.application.cohort;

import jakarta.annotation.security.RolesAllowed;
import org.lorkit.application.Roles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.lorkit.application.TenantData;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.infrastructure.persistence.Finder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

@Stateless
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
public class CohortService {
    private static final Logger LOG = Logger.getLogger(CohortService.class.getName());

    @Inject
    private TenantData tenant;

    public CohortView create(@NotNull @Valid NewCohort cohort) {
        EntityManager em = tenant.em();
        Cohort created = new Cohort(cohort.name(), cohort.matchYear(), Specialty.parse("targetSpecialty", cohort.targetSpecialty()),
                new Cohort.CycleDates(cohort.erasOpensOn(), cohort.plannedSubmitOn(), cohort.programsReviewOn()));
        em.persist(created);
        em.flush();
        LOG.info(() -> "Created cohort " + created.getId() + " for agency " + tenant.agencyId());
        return CohortView.of(created);
    }

    /** Changes a cohort's name, year, target specialty and dates: all or nothing. */
    public CohortView update(long id, @NotNull @Valid NewCohort changes) {
        Cohort cohort = tenant.require(Cohort.class, id, "cohortId");
        Specialty target = Specialty.parse("targetSpecialty", changes.targetSpecialty());
        Cohort.CycleDates dates = new Cohort.CycleDates(changes.erasOpensOn(), changes.plannedSubmitOn(), changes.programsReviewOn());
        cohort.reschedule(dates);
        cohort.describe(changes.name(), changes.matchYear(), target);
        return CohortView.of(cohort);
    }

    /** Archives the cohort (it leaves the dashboard; nothing is deleted), or brings it back. */
    public CohortView archive(long id, boolean archived) {
        Cohort cohort = tenant.require(Cohort.class, id, "cohortId");
        if (archived) {
            cohort.archive();
        } else {
            cohort.restore();
        }
        LOG.info(() -> "Cohort " + id + (archived ? " archived" : " restored"));
        return CohortView.of(cohort);
    }

    /** What a new cohort's form proposes: next year's match, on the agency's calendar. */
    public int proposedMatchYear() {
        return tenant.today().getYear() + 1;
    }

    /** Every cohort of the agency, active first, newest match year first. */
    public List<CohortView> listAll() {
        return tenant.em().createNamedQuery("Cohort.findAllForList", Cohort.class)
                .getResultList().stream().map(CohortView::of).toList();
    }

    public Optional<CohortView> find(long id) {
        return Finder.find(tenant.em(), Cohort.class, id).map(CohortView::of);
    }

    public List<CohortView> listActive() {
        return tenant.em().createNamedQuery("Cohort.findActive", Cohort.class).getResultList().stream()
                .map(CohortView::of).toList();
    }

    /** Active cohorts with student and letter counts: three queries whatever the number of cohorts. */
    public List<CohortSummary> summaries() {
        EntityManager em = tenant.em();
        List<CohortView> cohorts = listActive();
        Map<Long, Long> students = counts(em.createNamedQuery("Student.countByCohort", Object[].class).getResultList());
        Map<Long, Long> open = counts(em.createNamedQuery("LetterRequest.countOpenByCohort",
                Object[].class).setParameter("open", LetterStates.OPEN).getResultList());
        Map<Long, Long> submitted = counts(em.createNamedQuery("LetterRequest.countSubmittedByCohort",
                Object[].class).setParameter("submitted", LetterState.SUBMITTED).getResultList());
        return cohorts.stream().map(c -> new CohortSummary(c, students.getOrDefault(c.id(), 0L),
                open.getOrDefault(c.id(), 0L), submitted.getOrDefault(c.id(), 0L))).toList();
    }

    private static Map<Long, Long> counts(List<Object[]> rows) {
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
