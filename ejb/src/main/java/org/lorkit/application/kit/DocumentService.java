package org.lorkit.application.kit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lorkit.application.Caller;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.domain.document.DocumentContent;
import org.lorkit.domain.document.DocumentKind;
import org.lorkit.domain.document.StudentDocument;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.pdf.Pdfs;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/** The student's CV and personal statement: PDFs only, checked on the server, every version kept. */
@Stateless
@RolesAllowed(Roles.STUDENT)
public class DocumentService {
    /** The largest CV or statement accepted, so that a page can refuse a bigger file before reading it all. */
    public static final int MAX_BYTES = Pdfs.MAX_BYTES;

    @Inject
    private TenantData tenant;
    @Inject
    private Clock clock;
    @Resource
    private SessionContext session;

    public record Download(String fileName, String contentType, byte[] content) implements Serializable {
    }

    /** Stores a new version; the earlier ones stay, so the student can see which version each attending received. */
    public DocumentView upload(@NotNull(message = "kind is required") DocumentKind kind,
                               @NotBlank(message = "Choose a file") @Size(max = 200, message = "The file name is too long") String fileName,
                               byte[] content) {
        Pdfs.check("file", content);
        EntityManager em = tenant.em();
        Student student = tenant.ownStudent(session);
        int version = em.createNamedQuery("StudentDocument.latestVersion",
                Integer.class).setParameter("student", student).setParameter("kind", kind).getSingleResult() + 1;
        StudentDocument document = new StudentDocument(student, kind, version, safeName(fileName), content.length, sha256(content),
                clock.instant());
        em.persist(document);
        em.flush();
        em.persist(new DocumentContent(document, content));
        em.flush();
        return DocumentView.of(document);
    }

    /** Every version, each inspected first if it was stored before uploads were inspected, so a failing one shows why. */
    public List<DocumentView> myDocuments() {
        EntityManager em = tenant.em();
        List<StudentDocument> stored = em.createNamedQuery("StudentDocument.findByStudent", StudentDocument.class)
                .setParameter("student", tenant.ownStudent(session)).getResultList();
        stored.forEach(d -> StoredDocuments.servable(tenant, d, clock.instant()));
        return stored.stream().map(DocumentView::of).toList();
    }

    /** A document's bytes, for its owner or the agency's staff, unless it fails the inspection of uploads. */
    @RolesAllowed({Roles.STUDENT, Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
    public Download download(long documentId) {
        EntityManager em = tenant.em();
        StudentDocument document = tenant.require(StudentDocument.class, documentId, "documentId");
        Caller.ownedBy(session, document.getStudent(), document, StudentDocument.class, documentId, "documentId");
        if (!StoredDocuments.servable(tenant, document, clock.instant())) {
            throw new DomainException("documentId", document.getRefusal());
        }
        DocumentContent content = tenant.require(DocumentContent.class, documentId, "documentId");
        return new Download(document.getFileName(), document.getContentType(), content.getContent());
    }

    /** Only the last part of a path, and only characters safe in a Content-Disposition header. */
    static String safeName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (name.isEmpty()) {
            name = "document";
        }
        return name.toLowerCase().endsWith(".pdf") ? name : name + ".pdf";
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
