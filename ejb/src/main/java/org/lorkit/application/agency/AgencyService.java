package org.lorkit.application.agency;

import jakarta.annotation.security.RolesAllowed;
import org.lorkit.application.Roles;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.lorkit.domain.agency.Agency;
import org.lorkit.infrastructure.persistence.Finder;

import java.util.List;
import java.util.Optional;

/**
 * Reading agencies, the tenants themselves, which live outside any tenant's EntityManager. New agencies
 * are created by {@link org.lorkit.application.provisioning.ProvisioningService}, with their Keycloak organization.
 */
@Stateless
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class AgencyService {
    @PersistenceContext(unitName = "lorkit")
    private EntityManager em;

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
