package org.lorkit.it;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.lorkit.domain.letter.LetterRequest;
import org.lorkit.infrastructure.tenancy.CurrentAgency;
import org.lorkit.infrastructure.tenancy.TenantEntityManager;

/** Marks a request's kit email as bounced, as the sender does after an SMTP 5xx, without an SMTP server that refuses. */
@Stateless
@PermitAll
public class TestBounce {
    @Inject
    TenantEntityManager tenant;

    public void markBounced(long agencyId, long requestId) {
        CurrentAgency.runAs(agencyId, () -> tenant.get().find(LetterRequest.class, requestId).reportMailProblem(org.lorkit.domain.letter.MailProblem.BOUNCED));
    }
}
