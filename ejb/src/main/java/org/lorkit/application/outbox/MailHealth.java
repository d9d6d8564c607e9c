package org.lorkit.application.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.domain.outbox.DeliveryEventKind;
import org.lorkit.domain.outbox.OutboxStatus;

import java.io.Serializable;
import java.util.List;

/**
 * What staff should know about the agency's mail right now, on their overview: the alert about held mail goes through
 * the very relay that holds it, so the page says it too.
 */
@Stateless
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
public class MailHealth {
    @Inject
    TenantData tenant;

    /** Emails waiting because the relay refuses them for a reason of setup, and its latest answer. */
    public record HeldMail(long waiting, String latestReply) implements Serializable {
        public boolean any() {
            return waiting > 0;
        }
    }

    public HeldMail heldMail() {
        long waiting = tenant.em().createNamedQuery("OutboxEmail.countHeld", Long.class)
                .setParameter("pending", OutboxStatus.PENDING).setParameter("held", DeliveryEventKind.HELD_BY_RELAY).getSingleResult();
        if (waiting == 0) {
            return new HeldMail(0, null);
        }
        List<String> latest = tenant.em().createNamedQuery("OutboxEmail.latestErrorsOfHeld", String.class)
                .setParameter("pending", OutboxStatus.PENDING).setParameter("held", DeliveryEventKind.HELD_BY_RELAY)
                .setMaxResults(1).getResultList();
        return new HeldMail(waiting, latest.isEmpty() ? null : latest.get(0));
    }
}
