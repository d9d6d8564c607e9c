package org.lorkit.domain.worklog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.LocalDate;

/** One dated thing the student did or learned on a rotation. */
@Entity
@Table(name = "WORK_LOG_ENTRY")
@NamedQuery(name = "WorkLogEntry.findByRotation",
        query = "select w from WorkLogEntry w where w.rotation = :rotation order by w.entryDate, w.id")
public class WorkLogEntry extends TenantOwnedEntity {
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "ROTATION_ID")
    private Rotation rotation;

    @Column(name = "ENTRY_DATE", nullable = false)
    private LocalDate entryDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private WorkLogKind kind;

    @Column(nullable = false, length = 2000)
    private String text;

    protected WorkLogEntry() {
    }

    public WorkLogEntry(Rotation rotation, LocalDate entryDate, WorkLogKind kind, String text) {
        this.rotation = Require.present("rotation", rotation);
        this.entryDate = Require.present("entryDate", entryDate);
        if (entryDate.isBefore(rotation.getStartDate()) || entryDate.isAfter(rotation.getEndDate())) {
            throw new DomainException("entryDate", "The date " + Dates.day(entryDate) + " is outside the rotation ("
                    + Dates.day(rotation.getStartDate()) + " to " + Dates.day(rotation.getEndDate()) + ")");
        }
        this.kind = Require.present("kind", kind);
        this.text = Require.text("text", text, 2000);
    }

    public Rotation getRotation() {
        return rotation;
    }

    public LocalDate getEntryDate() {
        return entryDate;
    }

    public WorkLogKind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }
}
