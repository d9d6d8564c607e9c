package org.lorkit.application.agency;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.application.Caller;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.application.agency.StaffDirectory.StaffMember;
import org.lorkit.domain.agency.StaffPreference;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.persistence.Finder;

import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The signed-in staff member's own mail preferences, and nobody else's: the login is the caller's (the verified
 * token's), found among the staff of the caller's agency in Keycloak, whose user id keys the preference.
 */
@Stateless
@RolesAllowed({Roles.AGENCY_ADMIN, Roles.AGENCY_STAFF})
public class StaffPreferenceService {
    private static final Logger LOG = Logger.getLogger(StaffPreferenceService.class.getName());

    @Resource
    SessionContext session;
    @Inject
    TenantData tenant;
    @Inject
    StaffDirectory directory;
    @Inject
    Clock clock;

    /** The caller's choices: no choice yet means the defaults (the digest on). */
    public StaffEmailSettings mine() {
        StaffMember me = me();
        return settings(me, preference(tenant.em(), me).map(StaffPreference::wantsDigest).orElse(true));
    }

    /** Switches the caller's daily digest on or off. */
    public StaffEmailSettings changeDigest(boolean wanted) {
        StaffMember me = me();
        EntityManager em = tenant.em();
        StaffPreference preference = preference(em, me).orElseGet(() -> {
            StaffPreference created = new StaffPreference(me.userId(), clock.instant());
            em.persist(created);
            return created;
        });
        preference.wantDigest(wanted, clock.instant());
        em.flush();
        LOG.log(Level.INFO, "Staff login {0} of agency {1} switched the daily digest {2}",
                new Object[]{me.userId(), tenant.agencyId(), wanted ? "on" : "off"});
        return settings(me, preference.wantsDigest());
    }

    private StaffMember me() {
        String login = Caller.login(session);
        return directory.byLogin(login).orElseThrow(() -> new DomainException(
                "No staff login " + login + " in your agency in Keycloak: ask your agency's admin to check your account"));
    }

    private static Optional<StaffPreference> preference(EntityManager em, StaffMember me) {
        return Finder.single(em.createNamedQuery("StaffPreference.byUser", StaffPreference.class)
                .setParameter("userId", me.userId()).getResultList());
    }

    private static StaffEmailSettings settings(StaffMember me, boolean digestWanted) {
        return new StaffEmailSettings(me.email(), digestWanted);
    }
}
