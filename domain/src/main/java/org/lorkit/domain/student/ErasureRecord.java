package org.lorkit.domain.student;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.Instant;

/**
 * What is left of a student erased on request: that it happened, when, by whom and how much went. Anonymous by
 * construction: it holds no reference to the student, their name or their address.
 */
@Entity
@Table(name = "ERASURE_RECORD")
public class ErasureRecord extends TenantOwnedEntity {
    @Column(name = "ERASED_AT", nullable = false)
    private Instant erasedAt;

    @Column(name = "ERASED_BY", nullable = false, length = 200)
    private String erasedBy;

    @Column(name = "ROWS_REMOVED", nullable = false)
    private int rowsRemoved;

    @Column(name = "LOGIN_REMOVED", nullable = false)
    private boolean loginRemoved;

    protected ErasureRecord() {
    }

    public ErasureRecord(Instant erasedAt, String erasedBy, int rowsRemoved, boolean loginRemoved) {
        this.erasedAt = Require.present("erasedAt", erasedAt);
        this.erasedBy = Require.text("erasedBy", erasedBy, 200);
        this.rowsRemoved = rowsRemoved;
        this.loginRemoved = loginRemoved;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    public String getErasedBy() {
        return erasedBy;
    }

    public int getRowsRemoved() {
        return rowsRemoved;
    }

    public boolean isLoginRemoved() {
        return loginRemoved;
    }
}
