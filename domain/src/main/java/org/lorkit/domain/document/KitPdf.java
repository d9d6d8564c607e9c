package org.lorkit.domain.document;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.Instant;
import java.util.Objects;

/**
 * A request's combined kit PDF as last built, with what it was built from: the CV and statement versions and
 * the cover's text (by its SHA-256). It is served as long as all three are still what the kit holds.
 */
@Entity
@Table(name = "KIT_PDF")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "AGENCY_ID", contextProperty = TenantOwnedEntity.TENANT_PROPERTY,
        discriminatorType = jakarta.persistence.DiscriminatorType.INTEGER)
public class KitPdf {
    @Id
    @Column(name = "LETTER_REQUEST_ID")
    private Long requestId;

    @Column(name = "CV_DOCUMENT_ID")
    private Long cvDocumentId;

    @Column(name = "STATEMENT_DOCUMENT_ID")
    private Long statementDocumentId;

    @Column(name = "COVER_SHA256", nullable = false, length = 64)
    private String coverSha256;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "BUILT_AT", nullable = false)
    private Instant builtAt;

    protected KitPdf() {
    }

    public KitPdf(long requestId, Long cvDocumentId, Long statementDocumentId, String coverSha256, byte[] content, Instant builtAt) {
        this.requestId = requestId;
        replace(cvDocumentId, statementDocumentId, coverSha256, content, builtAt);
    }

    /** Whether this is the kit of these versions and this cover. */
    public boolean isBuiltFrom(Long cvDocumentId, Long statementDocumentId, String coverSha256) {
        return Objects.equals(this.cvDocumentId, cvDocumentId) && Objects.equals(this.statementDocumentId, statementDocumentId)
                && this.coverSha256.equals(coverSha256);
    }

    public final void replace(Long cvDocumentId, Long statementDocumentId, String coverSha256, byte[] content, Instant builtAt) {
        byte[] copy = Require.present("content", content).clone();
        String key = Require.text("coverSha256", coverSha256, 64);
        Require.present("builtAt", builtAt);
        // The lazy content first: setting it on a row read without it makes EclipseLink fetch the rest of the row,
        // which overwrote the fields set before it (a new CV's id was lost, and every download built the kit again).
        this.content = copy;
        this.cvDocumentId = cvDocumentId;
        this.statementDocumentId = statementDocumentId;
        this.coverSha256 = key;
        this.builtAt = builtAt;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public Instant getBuiltAt() {
        return builtAt;
    }
}
