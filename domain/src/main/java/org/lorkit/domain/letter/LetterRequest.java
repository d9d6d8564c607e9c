package org.lorkit.domain.letter;

import jakarta.persistence.Column;
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
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.shared.TenantOwnedEntity;
import org.lorkit.domain.student.Student;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One student asking one attending for one letter about one rotation, speaking to one specialty.
 * Every state change goes through {@link #moveTo} and returns the event that records it.
 */
@Entity
@Table(name = "LETTER_REQUEST")
@NamedQuery(name = "LetterRequest.findByStudent",
        query = "select r from LetterRequest r where r.student = :student order by r.createdAt")
public class LetterRequest extends TenantOwnedEntity {
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "STUDENT_ID")
    private Student student;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "ATTENDING_ID")
    private Attending attending;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "ROTATION_ID")
    private Rotation rotation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Specialty specialty;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private LetterState state;

    @Column(name = "VALUE_RANK", nullable = false)
    private int valueRank;

    @Column(name = "OFFERED_UNPROMPTED", nullable = false)
    private boolean offeredUnprompted;

    @Column(name = "DEADLINE")
    private LocalDate deadline;

    @Column(name = "ASKED_ON")
    private LocalDate askedOn;

    @Column(name = "KIT_SENT_ON")
    private LocalDate kitSentOn;

    @Column(name = "LAST_REMINDER_ON")
    private LocalDate lastReminderOn;

    @Column(name = "REMINDERS_SENT", nullable = false)
    private int remindersSent;

    /** A date the attending picked ("remind me on"): replaces the next computed reminder date. */
    @Column(name = "REMIND_ON")
    private LocalDate remindOn;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    /** The CV and statement versions the kit carried, so the student sees which version each attending got. */
    @Column(name = "CV_DOCUMENT_ID")
    private Long cvDocumentId;

    @Column(name = "STATEMENT_DOCUMENT_ID")
    private Long statementDocumentId;

    @Column(name = "ERAS_LETTER_ID", length = 20)
    private String erasLetterId;

    /** A general letter speaks to no one specialty and may be used for several. */
    @Column(name = "GENERAL_LETTER", nullable = false)
    private boolean generalLetter;

    @Column(name = "STATE_CHANGED_AT", nullable = false)
    private Instant stateChangedAt;

    protected LetterRequest() {
    }

    public LetterRequest(Student student, Attending attending, Rotation rotation, Specialty specialty, Instant now) {
        this.student = Require.present("student", student);
        this.attending = Require.present("attending", attending);
        this.rotation = Require.present("rotation", rotation);
        this.specialty = Require.present("specialty", specialty);
        if (!rotation.getStudent().equals(student)) {
            throw new DomainException("rotation", "The rotation belongs to another student");
        }
        if (rotation.supervisorFor(attending).isEmpty()) {
            throw new DomainException("attending", attending.getFullName() + " did not supervise this rotation");
        }
        this.valueRank = LetterValue.rank(attending, rotation, specialty).rank();
        this.state = LetterState.PLANNED;
        this.createdAt = Require.present("now", now);
        this.stateChangedAt = now;
    }

    /**
     * Moves the request to the target state, if the state machine allows it. KIT_SENT goes through
     * {@link #markKitSent}, which also sets the kit date and the deadline the reminders count from.
     */
    public LetterRequestEvent moveTo(LetterState target, String actor, String reason, Instant at) {
        if (target == LetterState.KIT_SENT) {
            throw new DomainException("state", "Record the kit with its deadline (markKitSent), not as a bare state change");
        }
        return transition(target, actor, reason, at);
    }

    /** The one gate for every state change: checks everything first, so a refused move changes nothing. */
    private LetterRequestEvent transition(LetterState target, String actor, String reason, Instant at) {
        Require.present("state", target);
        String who = Require.text("actor", actor, 200);
        String why = Require.optionalText("reason", reason, 1000);
        Require.present("at", at);
        if (!state.canMoveTo(target)) {
            throw new IllegalLetterTransitionException(state, target);
        }
        LetterState from = state;
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        switch (target) {
            case ASKED -> askedOn = today;
            case STRONG_YES -> {
                if (from == LetterState.PLANNED) {
                    offeredUnprompted = true;
                    askedOn = today;
                }
            }
            case KIT_SENT -> kitSentOn = today;
            case REMINDED_1, REMINDED_2 -> {
                remindersSent++;
                lastReminderOn = today;
                remindOn = null;
            }
            default -> {
            }
        }
        state = target;
        stateChangedAt = at;
        return new LetterRequestEvent(this, from, target, who, why, at);
    }

    /** The kit went out today with this deadline. */
    public LetterRequestEvent markKitSent(LocalDate deadline, String actor, Instant at) {
        Require.present("deadline", deadline);
        Require.present("at", at);
        if (deadline.isBefore(LocalDate.ofInstant(at, ZoneOffset.UTC))) {
            throw new DomainException("deadline", "The deadline " + deadline + " is before today");
        }
        LetterRequestEvent event = transition(LetterState.KIT_SENT, actor, "kit sent, deadline " + deadline, at);
        this.deadline = deadline;
        return event;
    }

    /** What goes into the kit: the document versions, the ERAS Letter ID if known, a general or specialty letter. */
    public void prepareKit(Long cvDocumentId, Long statementDocumentId, String erasLetterId, boolean generalLetter) {
        if (state != LetterState.STRONG_YES) {
            throw new DomainException("state", "The kit is prepared after a strong yes; this request is " + state);
        }
        String letterId = Require.optionalText("erasLetterId", erasLetterId, 20);
        if (letterId != null && !letterId.matches("[A-Za-z0-9-]{4,20}")) {
            throw new DomainException("erasLetterId", "An ERAS Letter ID holds letters, digits and dashes only");
        }
        this.cvDocumentId = cvDocumentId;
        this.statementDocumentId = statementDocumentId;
        this.erasLetterId = letterId;
        this.generalLetter = generalLetter;
    }

    public Long getCvDocumentId() {
        return cvDocumentId;
    }

    public Long getStatementDocumentId() {
        return statementDocumentId;
    }

    public String getErasLetterId() {
        return erasLetterId;
    }

    public boolean isGeneralLetter() {
        return generalLetter;
    }

    public void remindOn(LocalDate date) {
        if (!state.isAwaitingUpload()) {
            throw new DomainException("remindOn", "Reminders apply only while a letter is awaited");
        }
        this.remindOn = date;
    }

    public Student getStudent() {
        return student;
    }

    public Attending getAttending() {
        return attending;
    }

    public Rotation getRotation() {
        return rotation;
    }

    public Specialty getSpecialty() {
        return specialty;
    }

    public LetterState getState() {
        return state;
    }

    public LetterValue getValue() {
        return LetterValue.values()[valueRank - 1];
    }

    public boolean isOfferedUnprompted() {
        return offeredUnprompted;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public LocalDate getAskedOn() {
        return askedOn;
    }

    public LocalDate getKitSentOn() {
        return kitSentOn;
    }

    public LocalDate getLastReminderOn() {
        return lastReminderOn;
    }

    public int getRemindersSent() {
        return remindersSent;
    }

    public LocalDate getRemindOn() {
        return remindOn;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStateChangedAt() {
        return stateChangedAt;
    }
}
