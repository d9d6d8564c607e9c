package org.lorkit.infrastructure.pdf;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.domain.document.KitPdf;
import org.lorkit.infrastructure.tenancy.TenantEntityManager;

import java.time.Instant;

/**
 * Keeps a freshly built kit PDF, in a transaction of its own: when both nodes build the same kit at once, the
 * second insert fails alone and its download still gets the bytes it built. Reached only through KitContents,
 * after the caller's access to the request was checked.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class KitPdfStore {
    @Inject
    TenantEntityManager tenant;

    public void keep(long requestId, Long cvDocumentId, Long statementDocumentId, String coverSha256, byte[] content, Instant builtAt) {
        EntityManager em = tenant.get();
        KitPdf stored = em.find(KitPdf.class, requestId);
        if (stored == null) {
            em.persist(new KitPdf(requestId, cvDocumentId, statementDocumentId, coverSha256, content, builtAt));
        } else {
            stored.replace(cvDocumentId, statementDocumentId, coverSha256, content, builtAt);
        }
        em.flush();
    }
}
