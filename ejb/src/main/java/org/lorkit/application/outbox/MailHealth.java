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
        String held = "from OutboxEmail o where o.status = :pending and exists "
                + "(select e from DeliveryEvent e where e.outboxEmailId = o.id and e.kind = :held)";
        long waiting = tenant.em().createQuery("select count(o) " + held, Long.class)
                .setParameter("pending", OutboxStatus.PENDING).setParameter("held", DeliveryEventKind.HELD_BY_RELAY).getSingleResult();
        if (waiting == 0) {
            return new HeldMail(0, null);
        }
        List<String> latest = tenant.em().createQuery("select o.lastError " + held + " order by o.dueAt desc", String.class)
                .setParameter("pending", OutboxStatus.PENDING).setParameter("held", DeliveryEventKind.HELD_BY_RELAY)
                .setMaxResults(1).getResultList();
        return new HeldMail(waiting, latest.isEmpty() ? null : latest.get(0));
    }
}
