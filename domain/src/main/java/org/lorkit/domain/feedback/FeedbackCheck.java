package org.lorkit.domain.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.LocalDate;

/** What an attending said when the student asked for feedback, and how it reads. */
@Entity
@Table(name = "FEEDBACK_CHECK")
public class FeedbackCheck extends TenantOwnedEntity {
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "ROTATION_ID")
    private Rotation rotation;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "ATTENDING_ID")
    private Attending attending;

    @Column(name = "CHECKED_ON", nullable = false)
    private LocalDate checkedOn;

    @Column(name = "WHAT_THEY_SAID", nullable = false, length = 2000)
    private String whatTheySaid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FeedbackSignal signal;

    protected FeedbackCheck() {
    }

    public FeedbackCheck(Rotation rotation, Attending attending, LocalDate checkedOn, String whatTheySaid, FeedbackSignal signal) {
        this.rotation = Require.present("rotation", rotation);
        this.attending = Require.present("attending", attending);
        this.checkedOn = Require.present("checkedOn", checkedOn);
        this.whatTheySaid = Require.text("whatTheySaid", whatTheySaid, 2000);
        this.signal = Require.present("signal", signal);
    }

    public Rotation getRotation() {
        return rotation;
    }

    public Attending getAttending() {
        return attending;
    }

    public LocalDate getCheckedOn() {
        return checkedOn;
    }

    public String getWhatTheySaid() {
        return whatTheySaid;
    }

    public FeedbackSignal getSignal() {
        return signal;
    }
}
