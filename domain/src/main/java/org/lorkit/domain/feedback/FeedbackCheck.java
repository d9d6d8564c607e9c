package org.lorkit.domain.feedback;

import jakarta.persistence.Column;
import org.lorkit.domain.shared.DomainException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.LocalDate;

/** What an attending said when the student asked for feedback, and how it reads. */
@Entity
@Table(name = "FEEDBACK_CHECK")
@NamedQuery(name = "FeedbackCheck.findByStudent", query = "select f from FeedbackCheck f join fetch f.attending "
        + "join fetch f.rotation r where r.student = :student order by f.checkedOn desc, f.id desc")
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

    /** The red flags the student ticked, as enum names joined by commas; null when none. */
    @Column(name = "RED_FLAGS", length = 200)
    private String redFlags;

    protected FeedbackCheck() {
    }

    /** Reads what the attending said with the guide's rules and keeps the reading with it. */
    public FeedbackCheck(Rotation rotation, Attending attending, LocalDate checkedOn, String whatTheySaid,
                         Set<FeedbackClassifier.RedFlag> flags) {
        this.rotation = Require.present("rotation", rotation);
        this.attending = Require.present("attending", attending);
        if (rotation.supervisorFor(attending).isEmpty()) {
            throw new DomainException("attending", attending.getFullName() + " did not supervise this rotation");
        }
        this.checkedOn = Require.present("checkedOn", checkedOn);
        this.whatTheySaid = Require.text("whatTheySaid", whatTheySaid, 2000);
        Set<FeedbackClassifier.RedFlag> ticked = flags == null ? Set.of() : flags;
        this.signal = FeedbackClassifier.read(this.whatTheySaid, ticked).signal();
        this.redFlags = ticked.isEmpty() ? null
                : ticked.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public Set<FeedbackClassifier.RedFlag> getRedFlags() {
        Set<FeedbackClassifier.RedFlag> flags = EnumSet.noneOf(FeedbackClassifier.RedFlag.class);
        if (redFlags != null) {
            Arrays.stream(redFlags.split(",")).map(FeedbackClassifier.RedFlag::valueOf).forEach(flags::add);
        }
        return flags;
    }

    /** The reading as the page shows it: the signal and the reasons behind it. */
    public FeedbackClassifier.Reading reading() {
        return FeedbackClassifier.read(whatTheySaid, getRedFlags());
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
