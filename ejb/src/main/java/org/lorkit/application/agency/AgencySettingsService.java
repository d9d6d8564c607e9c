package org.lorkit.application.agency;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.domain.agency.Agency;
import org.lorkit.domain.agency.AgencyLogo;
import org.lorkit.domain.letter.ReminderPolicy;

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
    TenantData tenant;
    @jakarta.inject.Inject
    java.time.Clock clock;
    @jakarta.inject.Inject
    AgencyLogos logos;

    public AgencySettings current() {
        return of(own());
    }

    /** Changes every setting at once, or none when one is refused. */
    public AgencySettings update(@NotNull @Valid AgencySettings settings) {
        Agency agency = own();
        agency.changeSender(settings.senderName(), settings.replyTo());
        agency.changeTimeZone(settings.timeZone());
        agency.changeReminderPolicy(new ReminderPolicy(settings.firstReminderAfterKitDays(),
                settings.secondReminderAfterFirstDays(), settings.notComingAfterSecondDays()));
        tenant.em().flush();
        LOG.log(Level.INFO, "Agency {0} changed its settings", agency.getId());
        return of(agency);
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
        ReminderPolicy policy = agency.getReminderPolicy();
        return new AgencySettings(agency.getSenderName(), agency.getReplyTo(), agency.getTimeZone().getId(),
                policy.firstReminderAfterKitDays(), policy.secondReminderAfterFirstDays(), policy.notComingAfterSecondDays());
    }
}
