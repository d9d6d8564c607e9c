package org.lorkit.application.agency;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.lorkit.domain.agency.Agency;
import org.lorkit.domain.agency.AgencyLogo;
import org.lorkit.infrastructure.persistence.Finder;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * Agencies' logos, public by design: every kit email and kit page shows them to attendings who have no login.
 * Found by the agency's slug, the only name a logo's address carries.
 */
@Stateless
@PermitAll
public class AgencyLogos {
    // Not the tenant's: logos are found by slug, with no agency in context (public /logo/{slug}).
    @PersistenceContext(unitName = "lorkit")
    EntityManager em;

    /** A logo to serve: its type, bytes and when it last changed (for caching). */
    public record Logo(String contentType, byte[] content, Instant updatedAt) implements Serializable {
    }

    public Optional<Logo> bySlug(String slug) {
        return Finder.single(em.createNamedQuery("Agency.findBySlug", Agency.class).setParameter("slug", slug).getResultList())
                .flatMap(agency -> Optional.ofNullable(em.find(AgencyLogo.class, agency.getId())))
                .map(logo -> new Logo(logo.getContentType(), logo.getContent(), logo.getUpdatedAt()));
    }

    /**
     * The logo's public path for an agency that has one, e.g. "/logo/bridgeway". Asks only whether the row is
     * there: the image itself is read when /logo/{slug} is requested, never on every email or kit page.
     */
    public Optional<String> pathOf(Agency agency) {
        boolean exists = !em.createNamedQuery("AgencyLogo.updatedAtOf", Instant.class)
                .setParameter("agency", agency.getId()).getResultList().isEmpty();
        return exists ? Optional.of("/logo/" + agency.getSlug()) : Optional.empty();
    }
}
