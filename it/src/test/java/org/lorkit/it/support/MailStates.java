package org.lorkit.it.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.infrastructure.tenancy.CurrentAgency;
import org.lorkit.infrastructure.tenancy.TenantEntityManager;

/** Marks a request's kit email as bounced, as the sender does after an SMTP 5xx, without an SMTP server that refuses. */
@Stateless
@PermitAll
public class MailStates {
    @Inject
    TenantEntityManager tenant;

    /** An address of the agency that reported its mail as spam, as the bounce reader records one; returns its id. */
    public long suppress(long agencyId, String address) {
        return CurrentAgency.callAs(agencyId, () -> {
            org.lorkit.domain.outbox.SuppressedAddress suppressed = new org.lorkit.domain.outbox.SuppressedAddress(address, "a test complaint",
                    java.time.Instant.now());
            tenant.get().persist(suppressed);
            tenant.get().flush();
            return suppressed.getId();
        });
    }

    /** Moves a request through these states at that time, as the reminder sweep would (REMINDED_1, REMINDED_2, NOT_COMING). */
    public void walk(long agencyId, long requestId, java.time.Instant at, org.lorkit.domain.letter.LetterState... states) {
        CurrentAgency.runAs(agencyId, () -> {
            LetterRequest request = tenant.get().find(LetterRequest.class, requestId);
            java.time.ZoneId zone = tenant.get().find(org.lorkit.domain.agency.Agency.class, agencyId).getTimeZone();
            for (org.lorkit.domain.letter.LetterState state : states) {
                tenant.get().persist(request.moveTo(state, "test", "walked by the test", at.atZone(zone)));
            }
        });
    }

    public void markBounced(long agencyId, long requestId) {
        CurrentAgency.runAs(agencyId, () -> tenant.get().find(LetterRequest.class, requestId).reportMailProblem(org.lorkit.domain.letter.MailProblem.BOUNCED));
    }
}
