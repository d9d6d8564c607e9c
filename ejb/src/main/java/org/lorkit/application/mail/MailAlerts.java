package org.lorkit.application.mail;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.lorkit.application.agency.StaffDirectory;
import org.lorkit.domain.outbox.MailKind;
import org.lorkit.domain.shared.DomainException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Alerts about mail to the agency's admins: one email to each, once a day per scope (enqueueForStaff's key); to the
 * agency's reply-to address when the admins cannot be listed (Keycloak away) or there are none. In a transaction of
 * its own, so that an alert that cannot be queued (a login with no usable address, two senders queuing the same
 * alert at once) never undoes what it is about.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MailAlerts {
    private static final Logger LOG = Logger.getLogger(MailAlerts.class.getName());

    @Inject
    LetterMails mails;
    @Inject
    StaffDirectory staff;

    /** Queues the alert for the agency in context; returns how many were queued (0: each admin has today's already). */
    public int alertAdmins(MailKind kind, String scope, Map<String, Object> model, Instant now) {
        List<String> to;
        try {
            to = staff.admins().stream().map(StaffDirectory.StaffMember::email).filter(e -> e != null && !e.isBlank()).toList();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The agency''s admins could not be listed for a mail alert ({0}); it goes to the reply-to address",
                    e.getMessage());
            to = List.of();
        }
        if (to.isEmpty()) {
            String replyTo = mails.agencyReplyTo();
            to = replyTo == null ? List.of() : List.of(replyTo);
        }
        int queued = 0;
        for (String address : to) {
            try {
                queued += mails.enqueueForStaff(kind, address, scope, model, now) ? 1 : 0;
            } catch (DomainException refused) {
                LOG.log(Level.WARNING, "No mail alert to {0}: {1}", new Object[]{address, refused.getMessage()});
            }
        }
        return queued;
    }
}
