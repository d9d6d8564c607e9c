package org.lorkit.domain.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.Instant;

/**
 * What one of the agency's staff chose for the mail LorKit sends them, by their Keycloak user id (a login's id never
 * changes; its email may). No row means the defaults: the daily digest on.
 */
@Entity
@Table(name = "STAFF_PREFERENCE")
@NamedQuery(name = "StaffPreference.byUser", query = "select p from StaffPreference p where p.userId = :userId")
@NamedQuery(name = "StaffPreference.digestOff", query = "select p.userId from StaffPreference p where p.digestOff = true")
public class StaffPreference extends TenantOwnedEntity {
    @Column(name = "USER_ID", nullable = false, length = 64)
    private String userId;

    @Column(name = "DIGEST_OFF", nullable = false)
    private boolean digestOff;

    @Column(name = "CHANGED_AT", nullable = false)
    private Instant changedAt;

    protected StaffPreference() {
    }

    /** The defaults for this login, as of now. */
    public StaffPreference(String userId, Instant at) {
        this.userId = Require.line("userId", userId, 64);
        this.changedAt = Require.present("at", at);
    }

    /** Switches the daily digest on or off; the same choice again changes nothing, not even the time. */
    public void wantDigest(boolean wanted, Instant at) {
        Require.present("at", at);
        if (digestOff == !wanted) {
            return;
        }
        digestOff = !wanted;
        changedAt = at;
    }

    public boolean wantsDigest() {
        return !digestOff;
    }

    public String getUserId() {
        return userId;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
