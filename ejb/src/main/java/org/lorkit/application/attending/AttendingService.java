package org.lorkit.application.attending;

import jakarta.annotation.security.RolesAllowed;
import org.lorkit.application.Roles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.infrastructure.persistence.Finder;
import org.lorkit.infrastructure.tenancy.TenantEntityManager;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

@Stateless
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
public class AttendingService {
    @Inject
    private TenantEntityManager tenant;

    /** Adds the attending to the directory, or returns the one already there with that email. */
    public AttendingView addToDirectory(@NotNull @Valid NewAttending attending) {
        EntityManager em = tenant.get();
        Specialty specialty = Specialty.parse("specialty", attending.specialty());
        Optional<Attending> existing = findByEmail(em, attending.email());
        if (existing.isPresent()) {
            return AttendingView.of(existing.get());
        }
        Attending added = new Attending(attending.fullName(), attending.email(), attending.title(), specialty,
                attending.usBased(), attending.institution());
        em.persist(added);
        em.flush();
        return AttendingView.of(added);
    }

    public Optional<AttendingView> find(long id) {
        return Finder.find(tenant.get(), Attending.class, id).map(AttendingView::of);
    }

    public List<AttendingView> directory() {
        return tenant.get().createNamedQuery("Attending.findAll", Attending.class).getResultList().stream()
                .map(AttendingView::of).toList();
    }

    private static Optional<Attending> findByEmail(EntityManager em, String email) {
        return Finder.single(em.createNamedQuery("Attending.findByEmail", Attending.class)
                .setParameter("email", email.strip().toLowerCase(Locale.ROOT)).getResultList());
    }
}
