package org.lorkit.application.agency;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.lorkit.application.Actor;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.domain.agency.Agency;
import org.lorkit.domain.agency.AgencyLogo;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.agency.AgencySettingsChange;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The calling admin's own agency settings. The agency is the one of the caller's token (the agency in context), never
 * one named by a parameter, so an admin can only ever read and change their own.
 */
@Stateless
@RolesAllowed(Roles.AGENCY_ADMIN)
public class AgencySettingsService {
    private static final Logger LOG = Logger.getLogger(AgencySettingsService.class.getName());

    @Inject
    org.lorkit.application.dashboard.StandingChanges standings;
    @Inject
    TenantData tenant;
    @jakarta.inject.Inject
    java.time.Clock clock;
    @jakarta.inject.Inject
    AgencyLogos logos;
    @Resource
    SessionContext context;

    /** How many changes of the letter rules the settings page lists, newest first. */
    static final int HISTORY_LIMIT = 50;

    /**
     * One number of the letter rules an admin changed, when in the agency's time zone, and what in words.
     *
     * @param what "first reminder from 14 to 10 days after the kit"
     */
    public record SettingsChange(long id, String changedBy, ZonedDateTime changedAt, String what) implements Serializable {
        /** "Changed by admin@agency.example on 2 Aug 2027: first reminder from 14 to 10 days after the kit". */
        public String line() {
            return "Changed by " + changedBy + " on " + org.lorkit.domain.shared.Dates.day(changedAt.toLocalDate()) + ": " + what;
        }
    }

    public AgencySettings current() {
        return of(own());
    }

    /**
     * Changes every setting at once, or none when one is refused (a number of the letter rules out of its bound is
     * refused naming its field). Each number of the letter rules that changes is recorded, with who and when; the rules
     * use the new numbers from their next computation on (on this node at once; on another node of a cluster once its
     * cached copy of the agency is {@link Agency#CACHED_MILLIS} old).
     */
    public AgencySettings update(@NotNull @Valid AgencySettings settings) {
        Agency agency = tenant.agencyToChange();
        AgencyRules rules = settings.rules().toRules();
        agency.changeSender(settings.senderName(), settings.replyTo());
        agency.changeTimeZone(settings.timeZone());
        List<AgencyRules.Change> changes = agency.changeRules(rules);
        String actor = Actor.of(context);
        Instant now = clock.instant();
        for (AgencyRules.Change change : changes) {
            tenant.em().persist(new AgencySettingsChange(change, actor, now));
        }
        if (!changes.isEmpty()) {
            standings.wholeAgency(); // the ask window decides every student's "asked outside the window"
        }
        tenant.em().flush();
        LOG.log(Level.INFO, "Agency {0} changed its settings ({1} of its letter rules)", new Object[]{agency.getId(), changes.size()});
        return of(agency);
    }

    /** The changes of the letter rules, newest first (the latest 50). */
    public List<SettingsChange> history() {
        ZoneId zone = own().getTimeZone();
        return tenant.em().createNamedQuery("AgencySettingsChange.findRecent", AgencySettingsChange.class)
                .setMaxResults(HISTORY_LIMIT).getResultList().stream()
                .map(c -> new SettingsChange(c.getId(), c.getChangedBy(), c.getChangedAt().atZone(zone), c.getChange().describe())).toList();
    }

    /** Replaces the agency's logo (PNG or JPEG, at most 200 KB, checked by its bytes). */
    public void uploadLogo(@NotNull(message = "Choose an image first") byte[] image) {
        long agencyId = own().getId();
        AgencyLogo logo = tenant.em().find(AgencyLogo.class, agencyId);
        if (logo == null) {
            tenant.em().persist(new AgencyLogo(agencyId, image, clock.instant()));
        } else {
            logo.replace(image, clock.instant());
        }
        tenant.em().flush();
        LOG.log(Level.INFO, "Agency {0} changed its logo", agencyId);
    }

    public void removeLogo() {
        AgencyLogo logo = tenant.em().find(AgencyLogo.class, own().getId());
        if (logo != null) {
            tenant.em().remove(logo);
        }
    }

    public boolean hasLogo() {
        return logos.pathOf(own()).isPresent();
    }

    private Agency own() {
        return tenant.agency();
    }

    private static AgencySettings of(Agency agency) {
        return new AgencySettings(agency.getSenderName(), agency.getReplyTo(), agency.getTimeZone().getId(),
                LetterRules.of(agency.getRules()));
    }
}
