package org.lorkit.domain.rotation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.shared.TenantOwnedEntity;

/** One attending supervising one rotation, with the days of meaningful contact between them. */
@Entity
@Table(name = "SUPERVISION")
@NamedQuery(name = "Supervision.ofStudent", query = "select s from Supervision s join fetch s.attending join fetch s.rotation r where r.student = :student")
@NamedQuery(name = "Supervision.rosterKeys", query = "select st.email, r.site, r.startDate, r.endDate, a.email from Supervision s "
        + "join s.rotation r join r.student st join s.attending a")
@NamedQuery(name = "Supervision.rosterKeysOfStudent", query = "select st.email, r.site, r.startDate, r.endDate, a.email from Supervision s "
        + "join s.rotation r join r.student st join s.attending a where st = :student")
public class Supervision extends TenantOwnedEntity {
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "ROTATION_ID")
    private Rotation rotation;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ATTENDING_ID")
    private Attending attending;

    @Column(name = "CONTACT_DAYS", nullable = false)
    private int contactDays;

    protected Supervision() {
    }

    Supervision(Rotation rotation, Attending attending, int contactDays) {
        this.rotation = rotation;
        this.attending = attending;
        this.contactDays = contactDays;
    }

    public ContactAdvice contactAdvice(org.lorkit.domain.agency.AgencyRules rules) {
        return ContactAdvice.forDays(contactDays, rules);
    }

    public Rotation getRotation() {
        return rotation;
    }

    public Attending getAttending() {
        return attending;
    }

    public int getContactDays() {
        return contactDays;
    }
}
