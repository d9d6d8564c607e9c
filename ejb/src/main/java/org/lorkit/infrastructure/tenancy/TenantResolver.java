package org.lorkit.infrastructure.tenancy;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.lorkit.domain.agency.Agency;

import java.util.Optional;

/**
 * Maps the organization named in a verified login token to the agency row. Used only by the web
 * tier's tenant filter (through {@link OrganizationAgencies}, which keeps what it found), which takes the alias from
 * the token, never from the request; and names an agency
 * by its slug for the log ({@link AgencySlugs}).
 */
@Stateless
@PermitAll
public class TenantResolver {
    @PersistenceContext(unitName = "lorkit")
    private EntityManager em;

    public record TenantAgency(long id, String slug, String name) implements java.io.Serializable {
    }

    public Optional<TenantAgency> agencyForOrganization(String organizationAlias) {
        return em.createNamedQuery("Agency.findBySlug", Agency.class).setParameter("slug", organizationAlias)
                .getResultList().stream().findFirst()
                .map(a -> new TenantAgency(a.getId(), a.getSlug(), a.getName()));
    }

    /**
     * The slug of the agency with this id, for the log context of whoever enters it. Outside the caller's
     * transaction, so that a failure here (answered by the agency's id in the log) cannot roll the caller's work back.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<String> slugOf(long agencyId) {
        return Optional.ofNullable(em.find(Agency.class, agencyId)).map(Agency::getSlug);
    }
}
