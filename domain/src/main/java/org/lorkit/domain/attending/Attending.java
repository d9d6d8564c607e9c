package org.lorkit.domain.attending;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.PersonName;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.shared.TenantOwnedEntity;

/** A physician who supervises rotators and may write letters. Has no account: reached by email only. */
@Entity
@Table(name = "ATTENDING")
@NamedQuery(name = "Attending.findByEmail", query = "select a from Attending a where a.email = :email")
@NamedQuery(name = "Attending.findAll", query = "select a from Attending a order by a.fullName")
@NamedQuery(name = "Attending.emailsAndNames", query = "select a.email, a.fullName from Attending a")
@NamedQuery(name = "Attending.idsByEmail", query = "select a.email, a.id from Attending a")
@NamedQuery(name = "Attending.findByIds", query = "select a from Attending a where a.id in :ids")
public class Attending extends TenantOwnedEntity {
    @Column(name = "FULL_NAME", nullable = false, length = 200)
    private String fullName;

    @Column(nullable = false, length = 254)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private AttendingTitle title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Specialty specialty;

    @Column(name = "US_BASED", nullable = false)
    private boolean usBased;

    @Column(length = 200)
    private String institution;

    protected Attending() {
    }

    public Attending(String fullName, String email, AttendingTitle title, Specialty specialty, boolean usBased, String institution) {
        this.fullName = Require.line("fullName", fullName, 200);
        this.email = Require.email("email", email);
        this.title = Require.present("title", title);
        this.specialty = Require.present("specialty", specialty);
        this.usBased = usBased;
        this.institution = Require.optionalText("institution", institution, 200);
    }

    public String getFullName() {
        return fullName;
    }

    /** How a letter or an email addresses them: "Dr. Garcia", from the whole name as it was typed ({@link PersonName}). */
    public String getSalutation() {
        return PersonName.doctor(fullName);
    }

    /**
     * Staff change the directory's address: every student's later mail to this attending goes there. Returns the
     * record of the change for the audit trail, or nothing when the address is the same.
     */
    public java.util.Optional<AttendingAddressChange> changeEmail(String newEmail, String actor, java.time.Instant at) {
        String address = Require.email("email", newEmail);
        if (address.equals(email)) {
            return java.util.Optional.empty();
        }
        AttendingAddressChange change = new AttendingAddressChange(this, email, address, actor, at);
        this.email = address;
        return java.util.Optional.of(change);
    }

    public String getEmail() {
        return email;
    }

    public AttendingTitle getTitle() {
        return title;
    }

    public Specialty getSpecialty() {
        return specialty;
    }

    public boolean isUsBased() {
        return usBased;
    }

    public String getInstitution() {
        return institution;
    }
}
