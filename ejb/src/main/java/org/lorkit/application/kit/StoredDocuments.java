package org.lorkit.application.kit;

import jakarta.persistence.EntityManager;
import org.lorkit.application.TenantData;
import org.lorkit.domain.document.DocumentContent;
import org.lorkit.domain.document.StudentDocument;
import org.lorkit.infrastructure.pdf.Pdfs;

import java.time.Instant;

/**
 * Whether a stored CV or statement may be served or merged into a kit. Uploads pass the inspection before they
 * are stored; a document stored before it existed goes through the same inspection ({@link Pdfs#refusal}) the
 * first time it is about to be used, and its verdict is kept on the document, so each file is inspected once.
 */
final class StoredDocuments {
    private StoredDocuments() {
    }

    /**
     * The verdict is written by a bulk update that only fills an empty one, not through the entity: two first views
     * of the same file at once (two attendings, two nodes) would otherwise both bump its version and one of those
     * page views would fail on an optimistic lock. The document is then read again, with whichever verdict won.
     */
    static boolean servable(TenantData tenant, StudentDocument document, Instant now) {
        if (!document.isInspected()) {
            EntityManager em = tenant.em();
            byte[] content = tenant.require(DocumentContent.class, document.getId(), "documentId").getContent();
            String refusal = StudentDocument.refusalText(Pdfs.refusal(content).orElse(null));
            em.createNamedQuery("StudentDocument.recordInspection").setParameter("at", now).setParameter("refusal", refusal)
                    .setParameter("id", document.getId()).executeUpdate();
            em.refresh(document);
        }
        return document.isServable();
    }
}
