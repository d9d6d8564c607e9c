package org.lorkit.application.agency;

import jakarta.annotation.security.RolesAllowed;
import org.lorkit.application.Roles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.lorkit.domain.agency.Agency;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.persistence.Finder;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** Agencies are the tenants themselves, so they live outside any tenant's EntityManager. */
@Stateless
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class AgencyService {
    private static final Logger LOG = Logger.getLogger(AgencyService.class.getName());

    @PersistenceContext(unitName = "lorkit")
    private EntityManager em;

    @Inject
    private Clock clock;

    public AgencyView create(@NotNull @Valid NewAgency agency) {
        if (findBySlug(agency.slug()).isPresent()) {
            throw new DomainException("slug", "An agency with slug \"" + agency.slug() + "\" already exists");
        }
        Agency created = new Agency(agency.slug(), agency.name(), agency.replyTo(), agency.timeZone(), clock.instant());
        em.persist(created);
        em.flush();
        LOG.info(() -> "Created agency " + created.getSlug() + " (" + created.getId() + ")");
        return AgencyView.of(created);
    }

    public Optional<AgencyView> findBySlug(String slug) {
        return Finder.single(em.createNamedQuery("Agency.findBySlug", Agency.class)
                .setParameter("slug", slug).getResultList()).map(AgencyView::of);
    }

    public Optional<AgencyView> find(long id) {
        return Finder.find(em, Agency.class, id).map(AgencyView::of);
    }

    public List<AgencyView> list() {
        return em.createNamedQuery("Agency.findAll", Agency.class).getResultList().stream().map(AgencyView::of).toList();
    }
}
