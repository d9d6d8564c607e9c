package org.lorkit.domain.letter;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Labels;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.shared.TenantOwnedEntity;
import org.lorkit.domain.student.Student;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One student asking one attending for one letter about one rotation, speaking to one specialty.
 * Every state change goes through {@link #moveTo} and returns the event that records it.
 */
@Entity
@Table(name = "LETTER_REQUEST")
@NamedQuery(name = "LetterRequest.findByStudent",
        query = "select r from LetterRequest r where r.student = :student order by r.createdAt")
@NamedQuery(name = "LetterRequest.namesOf", query = "select r.id, s.fullName, a.fullName from LetterRequest r join r.student s join r.attending a "
        + "where r.id in :ids")
@NamedQuery(name = "LetterRequest.stillWaiting", query = "select r.id, s.fullName, a.fullName, r.state, r.stateChangedAt, r.kit.deadline "
        + "from LetterRequest r join r.student s join r.attending a "
        + "where (r.state = :yes and r.stateChangedAt < :yesBefore) "
        + "or (r.state in :awaiting and r.kit.deadline <= :day and r.eras.writerReportedOn is null)")
@NamedQuery(name = "LetterRequest.mayBeDueForReminder", query = "select r.id from LetterRequest r where r.kitSentOn is not null "
        + "and r.eras.writerReportedOn is null and ("
        + "(r.remindOn is not null and r.remindOn <= :today and r.state in :beforeLast) "
        + "or (r.remindOn is null and r.state in :first and r.kitSentOn <= :firstDue) "
        + "or (r.remindOn is null and r.state = :reminded1 and r.lastReminderOn <= :secondDue) "
        + "or (r.state = :reminded2 and r.lastReminderOn <= :giveUpDue)) order by r.id")
// With everything a reminder's emails read (the writer, the student and their cohort, the rotation), so that the sweep
// loads nothing one request at a time.
@NamedQuery(name = "LetterRequest.findByIdsForReminder", query = "select r from LetterRequest r join fetch r.attending "
        + "join fetch r.student s left join fetch s.cohort join fetch r.rotation where r.id in :ids order by r.id")
@NamedQuery(name = "LetterRequest.askedByStudent", query = "select r from LetterRequest r where r.student = :student")
@NamedQuery(name = "LetterRequest.countOpenByCohort", query = "select r.student.cohort.id, count(r) from LetterRequest r where r.state in :open group by r.student.cohort.id")
@NamedQuery(name = "LetterRequest.countSubmittedByCohort", query = "select r.student.cohort.id, count(r) from LetterRequest r where r.state = :submitted group by r.student.cohort.id")
@NamedQuery(name = "LetterRequest.findByStudentWithAttending", query = "select r from LetterRequest r join fetch r.attending where r.student = :student "
        + "order by r.createdAt")
@NamedQuery(name = "LetterRequest.findByStudentNewestFirst", query = "select r from LetterRequest r join fetch r.attending join fetch r.rotation "
        + "where r.student = :student order by r.createdAt desc, r.id desc")
@NamedQuery(name = "LetterRequest.findByStudentOldestFirst", query = "select r from LetterRequest r join fetch r.attending join fetch r.rotation "
        + "where r.student = :student order by r.createdAt, r.id")
@NamedQuery(name = "LetterRequest.countByState", query = "select r.state, count(r) from LetterRequest r group by r.state")
@NamedQuery(name = "LetterRequest.all", query = "select r from LetterRequest r join fetch r.student join fetch r.attending order by r.id")
@NamedQuery(name = "LetterRequest.count", query = "select count(r) from LetterRequest r")
@NamedQuery(name = "LetterRequest.openStateFor", query = "select r.state from LetterRequest r where r.student = :student and r.attending = :attending "
        + "and r.rotation = :rotation and r.state <> :withdrawn")
@NamedQuery(name = "LetterRequest.findByWriterMailProblem", query = "select r from LetterRequest r where r.writerMailProblem = :complained")
@NamedQuery(name = "LetterRequest.answersByAttending", query = "select r.attending.id, "
        + "sum(case when r.askedOn is not null then 1 else 0 end), "
        + "sum(case when r.writerConfirmedOn is not null then 1 else 0 end), "
        + "sum(case when r.state = :submitted then 1 else 0 end), "
        + "sum(case when r.state = :declined then 1 else 0 end) "
        + "from LetterRequest r group by r.attending.id")
@NamedQuery(name = "LetterRequest.mailProblemsByAttending", query = "select r.attending.id, count(r) from LetterRequest r where r.writerMailProblem in :problems "
        + "group by r.attending.id")
@NamedQuery(name = "LetterRequest.uploadsByAttending", query = "select r.attending.id, r.kitSentOn, r.stateChangedAt from LetterRequest r "
        + "where r.state = :submitted and r.kitSentOn is not null")
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

    /** What goes into the kit, and its deadline; never null once constructed (GENERAL_LETTER is NOT NULL). */
    @Embedded
    private KitChoice kit;

    @Column(name = "STATE_CHANGED_AT", nullable = false)
    private Instant stateChangedAt;

    /** Both sides' word on the letter's arrival in ERAS; null when neither has spoken (both columns empty). */
    @Embedded
    private ErasReport eras;

    @Column(name = "WRITER_CONFIRMED_ON")
    private LocalDate writerConfirmedOn;

    /** The attending's optional private note when they decline, for the agency. */
    @Column(name = "DECLINE_NOTE", length = 1000)
    private String declineNote;

    /**
     * The student's correction of the writer's address, for this request only (after a bounce). The directory's
     * address is shared by every student of the agency, so a student never changes it; staff do (Attending).
     */
    @Column(name = "WRITER_EMAIL", length = 254)
    private String writerEmail;

    /**
     * Why mail to the writer is not reaching them, or null: refused (bounced, at once or by a later report), reported
     * as spam (complained), or given up after the retries ran out. Cleared when the address is corrected or the
     * mail is sent again.
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "WRITER_MAIL_PROBLEM", length = 20)
    private MailProblem writerMailProblem;

    /** The writer's last answer and the state before it, so the page can offer an undo for a while; null when none. */
    @Embedded
    private WriterUndo undo;

    /**
     * Every state this request has ever been in, one bit each ({@link LetterState#bit()}): set by each event as it
     * is made, in the same transaction, so the funnel counts requests without reading their whole history.
     */
    @Column(name = "REACHED_STATES", nullable = false)
    private long reachedStates;

    /**
     * Which of the guide's answers the student heard ({@link AnswerHeard}); null before the answer, and for an answer
     * recorded without its case (a bare state change, or before V16 for a polite no or a no).
     */
    @Enumerated(EnumType.STRING)
    @Column(name = "ANSWER_HEARD", length = 30)
    private AnswerHeard answerHeard;

    /** The attending's words as the student wrote them down with the answer: a note, never read to decide anything. */
    @Column(name = "ANSWER_WORDS", length = 2000)
    private String answerWords;

    /** When the answer was recorded; a correction leaves it, so the student's 14 days count from the answer itself. */
    @Column(name = "ANSWERED_AT")
    private Instant answeredAt;

    /** The day the answer was recorded, on the agency's calendar (what the pages show; the window counts from answeredAt). */
    @Column(name = "ANSWERED_ON")
    private LocalDate answeredOn;

    /** How long the student may correct the answer they recorded; the agency's staff may correct it at any time. */
    public static final java.time.Duration ANSWER_CORRECTION_WINDOW = java.time.Duration.ofDays(14);

    /** What an attending can answer from the kit page; each can be taken back for a while. */
    public enum WriterAnswer { CONFIRMED, DECLINED, UPLOADED }

    protected LetterRequest() {
    }

    /** Called by every event of this request as it is made (LetterRequestEvent). */
    void reached(LetterState state) {
        reachedStates |= state.bit();
    }

    /** A correction takes back a state the misread answer led to: the funnel counts what really happened. */
    void unreached(LetterState state) {
        reachedStates &= ~state.bit();
    }

    /** Whether an event ever took this request into the state. */
    public boolean hasReached(LetterState state) {
        return (reachedStates & state.bit()) != 0;
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
        this.kit = new KitChoice();
    }

    /**
     * Moves the request to the target state, if the state machine allows it. KIT_SENT goes through
     * {@link #markKitSent}, which also sets the kit date and the deadline the reminders count from.
     */
    public LetterRequestEvent moveTo(LetterState target, String actor, String reason, ZonedDateTime at) {
        if (target == LetterState.KIT_SENT) {
            throw new DomainException("state", "Record the kit with its deadline (markKitSent), not as a bare state change");
        }
        return transition(target, actor, reason, at);
    }

    private LetterRequestEvent transition(LetterState target, String actor, String reason, ZonedDateTime at) {
        return transition(target, actor, reason, at, false);
    }

    /**
     * The one gate for every state change: checks everything first, so a refused move changes nothing. A move goes
     * where {@link LetterState#canMoveTo} allows; a correction of the recorded answer where
     * {@link LetterState#canCorrectTo} does (see {@link #correctAnswer}).
     */
    private LetterRequestEvent transition(LetterState target, String actor, String reason, ZonedDateTime at, boolean correction) {
        Require.present("state", target);
        String who = Require.text("actor", actor, 200);
        String why = Require.optionalText("reason", reason, 1000);
        Require.present("at", at);
        if (correction ? !state.canCorrectTo(target) : !state.canMoveTo(target)) {
            throw new IllegalLetterTransitionException(state, target);
        }
        LetterState from = state;
        LocalDate today = at.toLocalDate();
        // Any change of state ends the writer's chance to undo: the undo goes back to the state before their answer,
        // and a withdrawal (or a reminder, or the student's ERAS report) since then must stay as it is.
        endUndo();
        if (correction) {
            corrected(from, target, at.getZone());
        } else {
            switch (target) {
                case ASKED -> askedOn = today;
                case STRONG_YES, LUKEWARM, DECLINED -> {
                    if (from == LetterState.ASKED) {
                        // The answer to the ask, here without its case unless recordAnswer says which; a yes has one case.
                        answeredAt = at.toInstant();
                        answeredOn = today;
                        answerHeard = target == LetterState.STRONG_YES ? AnswerHeard.STRONG_YES : null;
                        answerWords = why;
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
        }
        state = target;
        if (from != target) {
            stateChangedAt = at.toInstant();
        }
        return new LetterRequestEvent(this, from, target, who, why, at.toInstant());
    }

    /**
     * What a correction of the answer changes besides the state. The state the misread answer led to is taken back from
     * the states reached (not those that really followed it: a kit that went out did go out). Back to PLANNED (an offer,
     * not yet asked): no ask date. From PLANNED to an answer: asked when the answer was recorded. A no after the kit went
     * out closes the request (reminders only go while a letter is awaited); a yes again after that starts the kit and its
     * reminders afresh, so the kit can be sent and the reminders count from it.
     */
    private void corrected(LetterState from, LetterState target, java.time.ZoneId agencyZone) {
        if (from != target && !from.isAwaitingUpload() && from != LetterState.PLANNED) {
            unreached(from);
        }
        if (target == LetterState.PLANNED) {
            unreached(LetterState.ASKED);
            askedOn = null;
        } else if (from == LetterState.PLANNED) {
            reached(LetterState.ASKED);
            askedOn = answeredOn != null ? answeredOn : LocalDate.ofInstant(answeredAt, agencyZone);
        }
        if (!target.isOpen()) {
            remindOn = null;
        }
        if (target == LetterState.STRONG_YES && kitSentOn != null) {
            kitSentOn = null;
            lastReminderOn = null;
            remindersSent = 0;
            remindOn = null;
        }
    }

    /**
     * Records what the attending answered to the ask for a strong letter, as the student heard it, with their words as
     * a note (LorKit's reading of the words only pre-selects a guess: {@link AnswerClassifier}). From PLANNED the ask is
     * recorded first. An offer made before the student asked is no yes to a strong letter: the request stays PLANNED,
     * marked as offered, and the student is to ask the strong question and record that answer.
     */
    public List<LetterRequestEvent> recordAnswer(AnswerHeard heard, String words, String actor, ZonedDateTime at) {
        if (heard == null) {
            throw new DomainException("heard", "Choose what " + attending.getFullName() + " said");
        }
        String note = words == null || words.isBlank() ? null : words.strip();
        if (note != null && note.length() > 2000) {
            throw new DomainException("words", "Their words must be at most 2000 characters");
        }
        Require.text("actor", actor, 200);
        Require.present("at", at);
        if (state != LetterState.PLANNED && state != LetterState.ASKED) {
            throw new DomainException("heard", "The answer of " + attending.getFullName() + " is already recorded ("
                    + (answerHeard != null ? answerHeard.said() : describe(state)) + "): correct it from your letters if it was misread");
        }
        if (heard == AnswerHeard.OFFERED_BEFORE_ASKED && state == LetterState.ASKED) {
            throw new DomainException("heard", "You already asked " + attending.getFullName() + ": choose what they answered to your ask");
        }
        List<LetterRequestEvent> events = new ArrayList<>();
        if (heard == AnswerHeard.OFFERED_BEFORE_ASKED) {
            events.add(recordWithoutChange(heard.said() + ": " + heard.verdict() + "; ask them for a strong letter" + quoted(note), actor, at.toInstant()));
            offeredUnprompted = true;
        } else {
            if (state == LetterState.PLANNED) {
                events.add(transition(LetterState.ASKED, actor, "asked for a strong letter", at));
            }
            events.add(transition(heard.leadsTo(), actor, "answer: " + heard.said() + " (" + heard.verdict() + ")" + quoted(note), at));
        }
        answerHeard = heard;
        answerWords = note;
        answeredAt = at.toInstant();
        answeredOn = at.toLocalDate();
        return events;
    }

    /**
     * Corrects a misread answer: the request moves to the state the answer heard leads to, and the history says who
     * corrected it, from what, and why. The student may within {@link #ANSWER_CORRECTION_WINDOW} of recording it, the
     * agency's staff at any time; and only while the answer is still the last word on the request (nothing the writer
     * did since, no upload, no withdrawal). After a yes whose kit went out, only to a no: that closes the request and
     * its reminders stop. Everything is checked before anything changes.
     */
    public LetterRequestEvent correctAnswer(AnswerHeard heard, String actor, String reason, ZonedDateTime at, boolean byStaff) {
        if (heard == null) {
            throw new DomainException("heard", "Choose what " + attending.getFullName() + " really said");
        }
        if (reason == null || reason.isBlank()) {
            throw new DomainException("reason", "Say why the answer is corrected");
        }
        String why = reason.strip();
        if (why.length() > 500) {
            throw new DomainException("reason", "The reason must be at most 500 characters");
        }
        Require.present("at", at);
        Optional<String> cannot = whyAnswerCannotBeCorrected();
        if (cannot.isPresent()) {
            throw new DomainException("heard", cannot.get());
        }
        if (heard == answerHeard) {
            throw new DomainException("heard", "That is the answer already recorded: choose what " + attending.getFullName() + " really said");
        }
        if (!byStaff && at.toInstant().isAfter(getAnswerCorrectableByStudentUntil())) {
            throw new DomainException("heard", "You can correct an answer within 14 days of recording it; this one was recorded on "
                    + org.lorkit.domain.shared.Dates.day(getAnsweredOn()) + ". Ask your agency's staff to correct it.");
        }
        if (state.isAwaitingUpload() && heard.leadsTo() != LetterState.LUKEWARM && heard.leadsTo() != LetterState.DECLINED) {
            throw new DomainException("heard", "The kit already went to " + attending.getFullName() + ": correct the answer to the no they said, "
                    + "or withdraw the request");
        }
        String was = answerHeard != null ? answerHeard.said() : "the answer recorded (" + describe(state) + ")";
        LetterRequestEvent event = transition(heard.leadsTo(), actor, "answer corrected" + (byStaff ? " by the agency" : "")
                + " from " + was + " to " + heard.said() + " (" + heard.verdict() + "): " + why, at, true);
        if (heard == AnswerHeard.OFFERED_BEFORE_ASKED) {
            offeredUnprompted = true;
        } else if (answerHeard == AnswerHeard.OFFERED_BEFORE_ASKED) {
            offeredUnprompted = false;
        }
        answerHeard = heard;
        return event;
    }

    /**
     * Why the recorded answer can no longer be corrected by anyone, or empty when it can: there must be an answer, and
     * it must still be the last word on the request (the state it led to, or after a yes the kit sent and not yet
     * confirmed by the writer).
     */
    public Optional<String> whyAnswerCannotBeCorrected() {
        if (answeredAt == null) {
            return Optional.of("No answer is recorded for this request yet: record it on the Ask page");
        }
        LetterState answered = answerHeard != null ? answerHeard.leadsTo()
                : kitSentOn == null && (state == LetterState.LUKEWARM || state == LetterState.DECLINED) ? state : null;
        if (answered == state || answered == LetterState.STRONG_YES && writerConfirmedOn == null
                && (state == LetterState.KIT_SENT || state == LetterState.REMINDED_1 || state == LetterState.REMINDED_2)) {
            return Optional.empty();
        }
        String name = attending.getFullName();
        return Optional.of(switch (state) {
            case KIT_SENT, CONFIRMED, REMINDED_1, REMINDED_2 -> name + " confirmed by their link that they will write a strong letter, "
                    + "so their own answer stands. Withdraw the request if the letter should not be used.";
            case DECLINED -> name + " declined by their link, so their own answer stands.";
            case SUBMITTED -> "The letter is already uploaded: its answer can no longer be corrected.";
            case WITHDRAWN -> "This request was withdrawn: its answer can no longer be corrected.";
            case NOT_COMING -> "This letter was marked not coming after two reminders: its answer can no longer be corrected.";
            default -> "The request has moved on since the answer was recorded: it can no longer be corrected.";
        });
    }

    /** Whether this caller may correct the answer now: staff while it can be corrected at all, the student for 14 days. */
    public boolean isAnswerCorrectable(Instant now, boolean byStaff) {
        return whyAnswerCannotBeCorrected().isEmpty() && (byStaff || !now.isAfter(getAnswerCorrectableByStudentUntil()));
    }

    /** The last moment the student may correct the answer themself; null before an answer. */
    public Instant getAnswerCorrectableByStudentUntil() {
        return answeredAt == null ? null : answeredAt.plus(ANSWER_CORRECTION_WINDOW);
    }

    public AnswerHeard getAnswerHeard() {
        return answerHeard;
    }

    public String getAnswerWords() {
        return answerWords;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    /** The day the answer was recorded, on the agency's calendar. */
    public LocalDate getAnsweredOn() {
        return answeredOn;
    }


    /** The student's words inside a sentence of the history, shortened to fit it. */
    private static String quoted(String words) {
        if (words == null) {
            return "";
        }
        return "; their words: \"" + (words.length() <= 800 ? words : words.substring(0, 799) + "…") + "\"";
    }

    /** The kit went out today with this deadline. */
    public LetterRequestEvent markKitSent(LocalDate deadline, String actor, ZonedDateTime at) {
        Require.present("deadline", deadline);
        Require.present("at", at);
        if (deadline.isBefore(at.toLocalDate())) {
            throw new DomainException("deadline", "The deadline " + Dates.day(deadline) + " is before today");
        }
        LetterRequestEvent event = transition(LetterState.KIT_SENT, actor, "kit sent, deadline " + Dates.day(deadline), at);
        this.kit = kit().withDeadline(deadline);
        return event;
    }

    /**
     * What goes into the kit, chosen after the strong yes: the document versions, the ERAS Letter ID if
     * known, the specialty the letter speaks to (or a general letter), and the deadline, checked against
     * {@link KitDeadline#checkChosen} with the agency's numbers. Everything is checked before anything changes. A change of the deadline, the
     * letter's specialty or the ERAS Letter ID is an event in the history, saying what changed; saving the same
     * details again records nothing.
     */
    public Optional<LetterRequestEvent> prepareKit(Long cvDocumentId, Long statementDocumentId, String erasLetterId, Specialty letterSpecialty,
                                                   boolean generalLetter, LocalDate deadline, LocalDate plannedSubmitOn, String actor,
                                                   ZonedDateTime at, org.lorkit.domain.agency.AgencyRules rules) {
        if (state != LetterState.STRONG_YES) {
            throw new DomainException("state", "The kit is prepared after a strong yes; this request is " + describe(state));
        }
        KitChoice chosen = new KitChoice(cvDocumentId, statementDocumentId, erasLetterId, generalLetter, deadline);
        Specialty speaksTo = Require.present("letterSpecialty", letterSpecialty);
        KitDeadline.checkChosen(Require.present("deadline", deadline), Require.present("at", at).toLocalDate(), plannedSubmitOn, rules);
        String who = Require.text("actor", actor, 200);
        KitChoice before = kit();
        java.util.List<String> changes = new java.util.ArrayList<>();
        if (!deadline.equals(before.deadline())) {
            changes.add(before.deadline() == null ? "deadline set to " + Dates.day(deadline)
                    : "deadline moved from " + Dates.day(before.deadline()) + " to " + Dates.day(deadline));
        }
        String letterForBefore = letterFor(before.generalLetter(), specialty);
        String letterForNow = letterFor(generalLetter, speaksTo);
        if (!letterForNow.equals(letterForBefore)) {
            changes.add("letter for " + letterForBefore + " changed to " + letterForNow);
        }
        if (!java.util.Objects.equals(before.erasLetterId(), chosen.erasLetterId())) {
            changes.add(chosen.erasLetterId() == null ? "ERAS Letter ID " + before.erasLetterId() + " removed"
                    : before.erasLetterId() == null ? "ERAS Letter ID set to " + chosen.erasLetterId()
                    : "ERAS Letter ID changed from " + before.erasLetterId() + " to " + chosen.erasLetterId());
        }
        this.kit = chosen.withEmailOf(before);
        this.specialty = speaksTo;
        this.valueRank = LetterValue.rank(attending, rotation, speaksTo).rank();
        return changes.isEmpty() ? Optional.empty()
                : Optional.of(recordWithoutChange("kit details: " + String.join("; ", changes), who, at.toInstant()));
    }

    /** What the letter speaks to, as the history names it: "internal medicine" or "general use". */
    private static String letterFor(boolean general, Specialty specialty) {
        return general ? "general use" : specialty.label().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A new deadline for a kit that has gone out (the attending asked for another date, or the student's plans
     * changed), within the same limits as a chosen one, counted from today and from the student's own planned
     * submit date. Reminders follow it: a writer who confirmed waits for the agreed deadline, so their wait (remind on)
     * moves to the new date, unless they picked a day of their own; a writer who has not confirmed is still reminded
     * as counted from the kit. The same date again changes nothing.
     */
    public Optional<LetterRequestEvent> changeDeadline(LocalDate deadline, String actor, ZonedDateTime at,
                                                       org.lorkit.domain.agency.AgencyRules rules) {
        Require.present("deadline", deadline);
        LocalDate today = Require.present("at", at).toLocalDate();
        String who = Require.text("actor", actor, 200);
        if (state == LetterState.STRONG_YES || state == LetterState.PLANNED || state == LetterState.ASKED) {
            throw new DomainException("deadline", "The kit has not gone out yet: change the deadline in its kit details");
        }
        if (!state.isAwaitingUpload()) {
            throw new DomainException("deadline", "The deadline can no longer change: this request is " + describe(state));
        }
        LocalDate before = getDeadline();
        if (deadline.equals(before)) {
            return Optional.empty();
        }
        KitDeadline.checkChosen(deadline, today, student.effectivePlannedSubmitOn(), rules);
        if (writerConfirmedOn != null && (remindOn == null || remindOn.equals(before))) {
            remindOn = deadline;
        }
        this.kit = kit().withDeadline(deadline);
        return Optional.of(recordWithoutChange(before == null ? "deadline set to " + Dates.day(deadline)
                : "deadline moved from " + Dates.day(before) + " to " + Dates.day(deadline), who, at.toInstant()));
    }

    /**
     * The writer says the letter is uploaded (on the kit page, or as the student relays it). Their word is recorded and
     * stops the reminders, but the letter counts as received only once the student sees it in ERAS
     * ({@link #reportReceivedInEras}): until then it stays awaited, shown as reported by the writer, and flagged after
     * {@value ErasReport#MISMATCH_AFTER_DAYS} days (ErasReport). On a letter the student already saw in ERAS it is
     * recorded too. Saying it twice records nothing new.
     */
    public Optional<LetterRequestEvent> reportWriterUpload(String actor, ZonedDateTime at) {
        if (getErasReport().writerReportedOn() != null) {
            return Optional.empty();
        }
        requireKitOut();
        LetterRequestEvent event = recordWithoutChange(state == LetterState.SUBMITTED
                ? "the writer reports the letter uploaded to ERAS"
                : "the writer reports the letter uploaded to ERAS; it counts once ERAS shows it as received", actor, at.toInstant());
        endUndo();
        eras = getErasReport().withWriterReport(at.toLocalDate());
        return Optional.of(event);
    }

    /**
     * The student sees "received" in ERAS: an awaited letter becomes SUBMITTED, the one state that counts it as
     * received (the goal meter, the dashboard's "in ERAS"). Saying it twice records nothing new.
     */
    public Optional<LetterRequestEvent> reportReceivedInEras(String actor, ZonedDateTime at) {
        if (getErasReport().receivedOn() != null) {
            return Optional.empty();
        }
        requireKitOut();
        LetterRequestEvent event;
        if (state == LetterState.SUBMITTED) {
            event = recordWithoutChange("ERAS shows the letter as received", actor, at.toInstant());
            endUndo();
        } else {
            event = transition(LetterState.SUBMITTED, actor, "ERAS shows the letter as received", at);
        }
        eras = getErasReport().withReceived(at.toLocalDate());
        return Optional.of(event);
    }

    private void requireKitOut() {
        if (state != LetterState.SUBMITTED && !state.isAwaitingUpload()) {
            throw new DomainException("state", "A letter can be reported uploaded once the kit has gone out; this request is "
                    + describe(state));
        }
    }

    /** Whether the writer said the letter is uploaded: reminders stop, though it is not received until ERAS shows it. */
    public boolean isReportedUploadedByWriter() {
        return getErasReport().isWriterReported();
    }

    /**
     * The student's word, before the kit goes out, that they have entered the writer in ERAS as a letter writer:
     * ERAS emails the writer the upload link only then, so the kit cannot go out without it (KitReadiness). Kept in
     * the history; saying the same again records nothing.
     */
    public Optional<LetterRequestEvent> confirmWriterInEras(boolean entered, String actor, Instant at) {
        requireKitNotSent("whether the writer is entered in ERAS");
        if (kit().writerInEras() == entered) {
            return Optional.empty();
        }
        LetterRequestEvent event = recordWithoutChange(entered
                ? "the student has entered " + attending.getFullName() + " in ERAS as a letter writer"
                : "the student has not entered " + attending.getFullName() + " in ERAS yet", actor, at);
        kit = kit().withWriterInEras(entered);
        return Optional.of(event);
    }

    /** The student's own paragraph for the kit email (blank for none), before the kit goes out. */
    public void writePersonalParagraph(String paragraph) {
        requireKitNotSent("the personal paragraph");
        kit = kit().withPersonalParagraph(paragraph);
    }

    private void requireKitNotSent(String what) {
        if (state != LetterState.STRONG_YES) {
            throw new DomainException("state", "The kit email is written before it goes out, after a strong yes: "
                    + what + " cannot change now that this request is " + describe(state));
        }
    }

    public boolean isWriterInEras() {
        return kit().writerInEras();
    }

    public String getPersonalParagraph() {
        return kit().personalParagraph();
    }

    /** How long the attending may take back an answer clicked by mistake. */
    public static final java.time.Duration UNDO_WINDOW = WriterUndo.WINDOW;

    /**
     * The attending will write a strong letter. From KIT_SENT the request becomes CONFIRMED; after a
     * reminder the confirmation is recorded without a state change. Reminders then wait for the agreed
     * deadline. Clicking again changes nothing.
     */
    public Optional<LetterRequestEvent> confirmByWriter(String actor, ZonedDateTime at) {
        if (writerConfirmedOn != null || state == LetterState.SUBMITTED) {
            return Optional.empty();
        }
        if (!state.isAwaitingUpload()) {
            throw new DomainException("state", "This request is closed (" + describe(state) + ")");
        }
        LetterState before = state;
        LetterRequestEvent event = state == LetterState.KIT_SENT
                ? transition(LetterState.CONFIRMED, actor, "the writer will write a strong letter", at)
                : recordWithoutChange("the writer will write a strong letter", actor, at.toInstant());
        LocalDate today = at.toLocalDate();
        writerConfirmedOn = today;
        LocalDate deadline = getDeadline();
        if (remindOn == null && deadline != null && deadline.isAfter(today)) {
            remindOn = deadline;
        }
        allowUndo(WriterAnswer.CONFIRMED, before, at.toInstant());
        return Optional.of(event);
    }

    /** The attending cannot write a strong letter: the request closes as DECLINED, with their optional note for the agency. */
    public Optional<LetterRequestEvent> declineByWriter(String note, String actor, ZonedDateTime at) {
        if (state == LetterState.DECLINED) {
            return Optional.empty();
        }
        String privateNote = Require.optionalText("note", note, 1000);
        LetterState before = state;
        LetterRequestEvent event = transition(LetterState.DECLINED, actor, "the writer cannot write a strong letter", at);
        declineNote = privateNote;
        allowUndo(WriterAnswer.DECLINED, before, at.toInstant());
        return Optional.of(event);
    }

    /**
     * The attending's own "I have uploaded it": a claim the student confirms against ERAS. It stops the reminders and
     * can be taken back for a while; the state stays as it was.
     */
    public Optional<LetterRequestEvent> uploadedByWriter(String actor, ZonedDateTime at) {
        LetterState before = state;
        Optional<LetterRequestEvent> event = reportWriterUpload(actor, at);
        event.ifPresent(e -> allowUndo(WriterAnswer.UPLOADED, before, at.toInstant()));
        return event;
    }

    /** The longest a writer may put off the next reminder. */
    public static final int LONGEST_REMINDER_DAYS = 60;

    /** When the submit date is today or past, a writer may still ask to be reminded within a week. */
    private static final int LATE_REMINDER_DAYS = 7;

    /**
     * The latest day a writer may pick for the next reminder: 60 days out, and not after the student's planned submit
     * date; when that date is today or past, a week (as a late deadline is).
     */
    public LocalDate latestRemindOn(LocalDate today) {
        LocalDate latest = today.plusDays(LONGEST_REMINDER_DAYS);
        LocalDate submit = student.effectivePlannedSubmitOn();
        if (submit != null && submit.isBefore(latest)) {
            latest = submit.isAfter(today) ? submit : today.plusDays(LATE_REMINDER_DAYS);
        }
        return latest;
    }

    /** "Remind me on": the attending picks the day of the next reminder, from tomorrow to {@link #latestRemindOn}. */
    public LetterRequestEvent remindOnByWriter(LocalDate date, String actor, ZonedDateTime at) {
        LocalDate today = Require.present("at", at).toLocalDate();
        Require.present("date", date);
        LocalDate latest = latestRemindOn(today);
        if (!date.isAfter(today) || date.isAfter(latest)) {
            LocalDate submit = student.effectivePlannedSubmitOn();
            throw new DomainException("remindOn", "Choose a day between tomorrow and " + Dates.day(latest)
                    + (latest.equals(submit) ? ", the day " + student.getFullName() + " plans to submit their application" : ""));
        }
        remindOn(date);
        return recordWithoutChange("the writer asked to be reminded on " + Dates.day(date), actor, at.toInstant());
    }

    /**
     * Takes back the writer's last answer within {@link #UNDO_WINDOW}: the request returns to where it was. Only
     * while nothing else changed the request since (every other state change ends the undo), so an undo never
     * reopens a request the student withdrew.
     */
    public Optional<LetterRequestEvent> undoWriterAnswer(String actor, Instant at) {
        if (!canUndo(Require.present("at", at))) {
            return Optional.empty();
        }
        WriterUndo taken = undo;
        if (taken.before() != state && !taken.before().canMoveTo(state)) {
            throw new IllegalLetterTransitionException(state, taken.before());
        }
        switch (taken.answer()) {
            case CONFIRMED -> {
                if (remindOn != null && remindOn.equals(getDeadline())) {
                    remindOn = null;
                }
                writerConfirmedOn = null;
            }
            case DECLINED -> declineNote = null;
            case UPLOADED -> eras = getErasReport().withoutWriterReport();
        }
        LetterState from = state;
        state = taken.before();
        if (state != from) {
            stateChangedAt = at; // taking back "uploaded" leaves the state as it was: the letter was awaited all along
        }
        LetterRequestEvent event = new LetterRequestEvent(this, from, state, Require.text("actor", actor, 200),
                "the writer took back: " + Labels.inSentence(taken.answer()), at);
        endUndo();
        return Optional.of(event);
    }

    private void endUndo() {
        undo = null;
    }

    private void allowUndo(WriterAnswer answer, LetterState before, Instant at) {
        undo = WriterUndo.of(answer, before, at);
    }

    /** What the writer may still take back, read null-safe: a request whose undo columns are all empty loads no undo. */
    private WriterUndo undo() {
        return undo != null ? undo : WriterUndo.NONE;
    }

    public WriterAnswer getUndoableAnswer(Instant now) {
        return undo().undoableAt(now);
    }

    /** When the writer's last answer can no longer be taken back; null when there is none to take back. */
    public Instant getUndoUntil() {
        return undo().until();
    }

    public boolean canUndo(Instant now) {
        return undo().canUndo(now);
    }

    /** An event for the history that leaves the state as it is. */
    private LetterRequestEvent recordWithoutChange(String what, String actor, Instant at) {
        String who = Require.text("actor", actor, 200);
        return new LetterRequestEvent(this, state, state, who, what, Require.present("at", at));
    }

    private static String describe(LetterState state) {
        return Labels.inSentence(state);
    }

    /** Where this request's mail to the writer goes: the student's correction, or the directory's address. */
    public String getWriterEmail() {
        return writerEmail != null ? writerEmail : attending.getEmail();
    }

    /** The student corrects the writer's address for this request only; the event records it with who and when. */
    public LetterRequestEvent correctWriterEmail(String email, String actor, Instant at) {
        String address = Require.email("email", email);
        LetterRequestEvent event = recordWithoutChange("the writer's address for this request corrected to " + address, actor, at);
        writerEmail = address.equals(attending.getEmail()) ? null : address;
        return event;
    }

    /** Staff corrected the directory's address: this request follows it again. */
    public void followDirectoryEmail() {
        writerEmail = null;
    }

    /**
     * What the mail system reported about mail to the writer (a bounce, a delay, a complaint), for the request's
     * history: the state does not change. The actor is LorKit's mail, not a person.
     */
    public LetterRequestEvent recordMailNews(String what, Instant at) {
        // A remote server's diagnostic can be long: the history keeps its start rather than refuse the news.
        String news = Require.text("what", what, Integer.MAX_VALUE);
        return new LetterRequestEvent(this, state, state, MAIL_ACTOR, news.length() <= 1000 ? news : news.substring(0, 999) + "…",
                Require.present("at", at));
    }

    /** Who the history names for what the mail system reported. */
    public static final String MAIL_ACTOR = "LorKit mail";

    /** Mail to the writer did not reach them; a later problem replaces an earlier one (the page shows the latest). */
    public void reportMailProblem(MailProblem problem) {
        this.writerMailProblem = Require.present("problem", problem);
    }

    /** The address was corrected or the mail went out again: nothing is known to be wrong any more. */
    public void clearMailProblem() {
        this.writerMailProblem = null;
    }

    public MailProblem getWriterMailProblem() {
        return writerMailProblem;
    }

    /** The writer's address was refused. */
    public boolean isEmailBounced() {
        return writerMailProblem == MailProblem.BOUNCED;
    }

    /** Mail to the writer did not get through, and a corrected address with fresh links may (not after a complaint). */
    public boolean isAddressCorrectable() {
        return writerMailProblem != null && writerMailProblem.correctable();
    }

    public LocalDate getWriterConfirmedOn() {
        return writerConfirmedOn;
    }

    public String getDeclineNote() {
        return declineNote;
    }

    /** Read null-safe: a request whose two ERAS columns are empty loads no report. */
    public ErasReport getErasReport() {
        return eras != null ? eras : ErasReport.NONE;
    }

    /** Read null-safe, like the other embedded values, though GENERAL_LETTER (NOT NULL) always loads one. */
    public KitChoice getKitChoice() {
        return kit();
    }

    private KitChoice kit() {
        return kit != null ? kit : KitChoice.NONE;
    }

    public Long getCvDocumentId() {
        return kit().cvDocumentId();
    }

    public Long getStatementDocumentId() {
        return kit().statementDocumentId();
    }

    public String getErasLetterId() {
        return kit().erasLetterId();
    }

    public boolean isGeneralLetter() {
        return kit().generalLetter();
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
        return kit().deadline();
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
