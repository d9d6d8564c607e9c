package org.lorkit.domain.attending;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.Instant;

/**
 * The audit trail of the directory's addresses: staff changed where every student's mail to this attending goes.
 * Made only by {@link Attending#changeEmail}; never changed.
 */
@Entity
@Table(name = "ATTENDING_ADDRESS_CHANGE")
@NamedQuery(name = "AttendingAddressChange.findByAttending",
        query = "select c from AttendingAddressChange c where c.attending = :attending order by c.changedAt, c.id")
@NamedQuery(name = "AttendingAddressChange.findRecent",
        query = "select c from AttendingAddressChange c join fetch c.attending order by c.changedAt desc, c.id desc")
public class AttendingAddressChange extends TenantOwnedEntity {
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "ATTENDING_ID")
    private Attending attending;

    @Column(name = "OLD_EMAIL", nullable = false, length = 254)
    private String oldEmail;

    @Column(name = "NEW_EMAIL", nullable = false, length = 254)
    private String newEmail;

    @Column(name = "CHANGED_BY", nullable = false, length = 200)
    private String changedBy;

    @Column(name = "CHANGED_AT", nullable = false)
    private Instant changedAt;

    protected AttendingAddressChange() {
    }

    AttendingAddressChange(Attending attending, String oldEmail, String newEmail, String changedBy, Instant changedAt) {
        this.attending = attending;
        this.oldEmail = oldEmail;
        this.newEmail = newEmail;
        this.changedBy = Require.text("changedBy", changedBy, 200);
        this.changedAt = Require.present("changedAt", changedAt);
    }

    public Attending getAttending() {
        return attending;
    }

    public String getOldEmail() {
        return oldEmail;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
