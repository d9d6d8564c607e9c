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
import org.lorkit.domain.shared.TenantOwnedEntity;

/** The bytes of one document version, apart from its metadata so that listing never loads them. */
@Entity
@Table(name = "DOCUMENT_CONTENT")
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "AGENCY_ID", contextProperty = TenantOwnedEntity.TENANT_PROPERTY,
        discriminatorType = jakarta.persistence.DiscriminatorType.INTEGER)
public class DocumentContent {
    @Id
    @Column(name = "DOCUMENT_ID")
    private Long documentId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    protected DocumentContent() {
    }

    public DocumentContent(StudentDocument document, byte[] content) {
        this.documentId = document.getId();
        this.content = content.clone();
    }

    public byte[] getContent() {
        return content.clone();
    }
}
