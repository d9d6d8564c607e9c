package org.lorkit.domain.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;
import org.lorkit.domain.student.Student;

import java.time.Instant;

/** Metadata of one version of a student's CV or personal statement; the bytes live in DOCUMENT_CONTENT. */
@Entity
@Table(name = "STUDENT_DOCUMENT")
@jakarta.persistence.NamedQuery(name = "StudentDocument.recordInspection",
        query = "update StudentDocument d set d.inspectedAt = :at, d.refusal = :refusal where d.id = :id and d.inspectedAt is null")
@jakarta.persistence.NamedQuery(name = "StudentDocument.findByStudent",
        query = "select d from StudentDocument d where d.student = :student order by d.kind, d.docVersion desc")
@NamedQuery(name = "StudentDocument.latestVersion", query = "select coalesce(max(d.docVersion), 0) from StudentDocument d where d.student = :student and d.kind = :kind")
public class StudentDocument extends TenantOwnedEntity {
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "STUDENT_ID")
    private Student student;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private DocumentKind kind;

    @Column(name = "DOC_VERSION", nullable = false)
    private int docVersion;

    @Column(name = "FILE_NAME", nullable = false, length = 200)
    private String fileName;

    @Column(name = "CONTENT_TYPE", nullable = false, length = 100)
    private String contentType;

    @Column(name = "SIZE_BYTES", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "UPLOADED_AT", nullable = false)
    private Instant uploadedAt;

    /** When the file passed, or failed, the inspection of uploads; null for one stored before it existed. */
    @Column(name = "INSPECTED_AT")
    private Instant inspectedAt;

    /** Why the inspection refused the file, in the student's terms; null when it passed. */
    @Column(name = "REFUSAL", length = 300)
    private String refusal;

    protected StudentDocument() {
    }

    public StudentDocument(Student student, DocumentKind kind, int docVersion, String fileName, long sizeBytes, String sha256, Instant uploadedAt) {
        this.student = Require.present("student", student);
        this.kind = Require.present("kind", kind);
        this.docVersion = docVersion;
        this.fileName = Require.text("fileName", fileName, 200);
        this.contentType = "application/pdf";
        this.sizeBytes = sizeBytes;
        this.sha256 = Require.text("sha256", sha256, 64);
        this.uploadedAt = Require.present("uploadedAt", uploadedAt);
        // Uploads are stored only once they pass the inspection.
        this.inspectedAt = uploadedAt;
    }

    /** Whether the file went through the inspection of uploads: false only for one stored before it existed. */
    public boolean isInspected() {
        return inspectedAt != null;
    }

    /** The inspection's verdict on a file stored before it existed: null when it passed, else the reason. */
    public void recordInspection(Instant at, String refusal) {
        this.inspectedAt = Require.present("at", at);
        this.refusal = refusalText(refusal);
    }

    /** A refusal as stored: at most 300 characters. */
    public static String refusalText(String refusal) {
        return refusal == null ? null : refusal.length() > 300 ? refusal.substring(0, 299) + "\u2026" : refusal;
    }

    /** Whether the file may be served and merged: it passed the inspection (one not yet inspected has not). */
    public boolean isServable() {
        return inspectedAt != null && refusal == null;
    }

    public Instant getInspectedAt() {
        return inspectedAt;
    }

    public String getRefusal() {
        return refusal;
    }

    public Student getStudent() {
        return student;
    }

    public DocumentKind getKind() {
        return kind;
    }

    public int getDocVersion() {
        return docVersion;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
