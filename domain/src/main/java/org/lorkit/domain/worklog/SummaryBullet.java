package org.lorkit.domain.worklog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

/** One kept bullet of a rotation's work summary, at its place in the student's order. */
@Entity
@Table(name = "SUMMARY_BULLET")
@NamedQuery(name = "SummaryBullet.findByRotation",
        query = "select b from SummaryBullet b where b.rotation = :rotation order by b.position")
public class SummaryBullet extends TenantOwnedEntity {
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "ROTATION_ID")
    private Rotation rotation;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = SummaryBullets.MAX_LENGTH)
    private String text;

    protected SummaryBullet() {
    }

    public SummaryBullet(Rotation rotation, int position, String text) {
        this.rotation = Require.present("rotation", rotation);
        this.position = position;
        this.text = Require.text("text", text, SummaryBullets.MAX_LENGTH);
    }

    public Rotation getRotation() {
        return rotation;
    }

    public int getPosition() {
        return position;
    }

    public String getText() {
        return text;
    }
}
