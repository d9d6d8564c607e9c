package org.lorkit.domain.agency;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Require;

import java.time.Instant;

/**
 * An agency's logo: a PNG or JPEG of at most {@value #MAX_BYTES} bytes, recognised by its signature (never
 * by a file name or a declared type), shown to attendings on the kit page and in emails.
 */
@Entity
@Table(name = "AGENCY_LOGO")
@NamedQuery(name = "AgencyLogo.updatedAtOf", query = "select l.updatedAt from AgencyLogo l where l.agencyId = :agency")
public class AgencyLogo {
    public static final int MAX_BYTES = 200 * 1024;

    @Id
    @Column(name = "AGENCY_ID")
    private Long agencyId;

    @Version
    private long version;

    @Column(name = "CONTENT_TYPE", nullable = false, length = 20)
    private String contentType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    protected AgencyLogo() {
    }

    public AgencyLogo(long agencyId, byte[] image, Instant at) {
        this.agencyId = agencyId;
        replace(image, at);
    }

    public void replace(byte[] image, Instant at) {
        Require.present("logo", image);
        if (image.length == 0) {
            throw new DomainException("logo", "The file is empty");
        }
        if (image.length > MAX_BYTES) {
            throw new DomainException("logo", "The logo must be at most 200 KB; this file is " + image.length / 1024 + " KB");
        }
        this.contentType = typeOf(image);
        this.content = image.clone();
        this.updatedAt = Require.present("at", at);
    }

    /** PNG or JPEG by the first bytes of the file; anything else is refused with the reason. */
    static String typeOf(byte[] image) {
        if (image.length >= 8 && (image[0] & 0xFF) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G') {
            return "image/png";
        }
        if (image.length >= 3 && (image[0] & 0xFF) == 0xFF && (image[1] & 0xFF) == 0xD8 && (image[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        throw new DomainException("logo", "The logo must be a PNG or JPEG image; this file is neither");
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getContent() {
        return content.clone();
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
