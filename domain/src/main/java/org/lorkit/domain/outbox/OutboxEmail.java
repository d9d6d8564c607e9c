package org.lorkit.domain.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.Require;

import java.time.Instant;

/**
 * An email waiting to be sent, written in the same transaction as the change it reports. The
 * dedup key (request, kind, due date) is unique, so the same email is never enqueued twice. Where it stands in the
 * outbox (status, attempts, due time, claim) is {@link OutboxItem}'s, as for every row the sender claims.
 */
@Entity
@Table(name = "OUTBOX_EMAIL")
@NamedQuery(name = "OutboxEmail.dedupKeysOfRequests", query = "select o.dedupKey from OutboxEmail o where o.letterRequestId in :ids")
@NamedQuery(name = "OutboxEmail.countEarlierOfKind", query = "select count(o) from OutboxEmail o where o.letterRequestId = :request and o.kind in :kinds and o.id < :id")
@NamedQuery(name = "OutboxEmail.countOfKinds", query = "select count(o) from OutboxEmail o where o.letterRequestId = :request and o.kind in :kinds")
@NamedQuery(name = "OutboxEmail.idByDedupKey", query = "select o.id from OutboxEmail o where o.dedupKey = :key")
@NamedQuery(name = "OutboxEmail.rotationsWithKind", query = "select o.rotationId from OutboxEmail o where o.kind = :kind and o.rotationId in :ids")
@NamedQuery(name = "OutboxEmail.countByStatus", query = "select count(o) from OutboxEmail o where o.status = :pending")
@NamedQuery(name = "OutboxEmail.findByAddressAndStatus", query = "select o from OutboxEmail o where o.toAddress = :address and o.status = :pending")
@NamedQuery(name = "OutboxEmail.countHeld", query = "select count(o) from OutboxEmail o where o.status = :pending and exists "
        + "(select e from DeliveryEvent e where e.outboxEmailId = o.id and e.kind = :held)")
@NamedQuery(name = "OutboxEmail.latestErrorsOfHeld", query = "select o.lastError from OutboxEmail o where o.status = :pending and exists "
        + "(select e from DeliveryEvent e where e.outboxEmailId = o.id and e.kind = :held) order by o.dueAt desc")
public class OutboxEmail extends OutboxItem {
    @Column(name = "DEDUP_KEY", nullable = false, length = 200)
    private String dedupKey;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(name = "LETTER_REQUEST_ID")
    private Long letterRequestId;

    @Column(name = "TO_ADDRESS", nullable = false, length = 254)
    private String toAddress;

    @Column(name = "REPLY_TO", length = 254)
    private String replyTo;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(name = "BODY_TEXT", nullable = false, length = 20000)
    private String bodyText;

    @Column(name = "BODY_HTML", length = 60000)
    private String bodyHtml;

    @Column(name = "SENT_AT")
    private Instant sentAt;

    /** Stable across retries, so a receiving server can tell a repeat. */
    @Column(name = "MESSAGE_ID", length = 200)
    private String messageId;

    @Column(name = "RECIPIENT_ROLE", nullable = false, length = 20)
    private String recipientRole;

    /** For an email about a student rather than one request (a nudge from staff). */
    @Column(name = "STUDENT_ID")
    private Long studentId;

    /** For an email about one of the student's rotations (its ask window opening), that rotation. */
    @Column(name = "ROTATION_ID")
    private Long rotationId;

    /**
     * Words for this email written when it was queued (a nudge's message from staff, an alert or a digest for staff),
     * rendered into the template when sent.
     */
    @Column(name = "MESSAGE", length = 20000)
    private String message;

    protected OutboxEmail() {
    }

    /**
     * An email of this kind, due at that time. The dedup key names the request, the kind and the due day, so the
     * same email is never enqueued twice. The body is rendered when it is sent.
     */
    public OutboxEmail(MailKind kind, Long letterRequestId, String toAddress, String replyTo, String subject, Instant dueAt) {
        super(dueAt);
        this.kind = Require.present("kind", kind).name();
        this.letterRequestId = letterRequestId;
        this.toAddress = Require.email("toAddress", toAddress);
        this.replyTo = replyTo;
        this.subject = Require.text("subject", subject, 300);
        this.recipientRole = kind.recipient().name();
        this.dedupKey = dedupKey(kind, letterRequestId, dueAt);
    }

    /**
     * An email about a student, not one request (a nudge from staff), with the words someone wrote for it.
     * Its dedup key names the student, so one nudge a day reaches a student however often staff click.
     */
    public static OutboxEmail aboutStudent(MailKind kind, long studentId, String toAddress, String replyTo, String subject,
                                           String message, Instant dueAt) {
        OutboxEmail email = new OutboxEmail(kind, null, toAddress, replyTo, subject, dueAt);
        email.studentId = studentId;
        email.message = Require.text("message", message, 2000);
        email.dedupKey = studentDedupKey(kind, studentId, dueAt);
        return email;
    }

    /**
     * An email to the student about one of their rotations (its ask window opening), its words rendered when it is
     * sent. Its dedup key names the rotation and the kind but no day: one such email per rotation, ever, however
     * many sweeps or nodes queue it. It names the student too, so that erasing them erases it.
     */
    public static OutboxEmail aboutRotation(MailKind kind, long studentId, long rotationId, String toAddress, String replyTo,
                                            String subject, Instant dueAt) {
        if (kind.recipient() != MailKind.Recipient.STUDENT) {
            throw new IllegalArgumentException(kind + " is not an email to the student");
        }
        OutboxEmail email = new OutboxEmail(kind, null, toAddress, replyTo, subject, dueAt);
        email.studentId = studentId;
        email.rotationId = rotationId;
        email.dedupKey = rotationDedupKey(kind, rotationId);
        return email;
    }

    public static String rotationDedupKey(MailKind kind, long rotationId) {
        return "rotation-" + rotationId + ":" + kind.name();
    }

    public Long getRotationId() {
        return rotationId;
    }

    public static String studentDedupKey(MailKind kind, long studentId, Instant dueAt) {
        return "student-" + studentId + ":" + kind.name() + ":" + dueDay(dueAt);
    }

    /**
     * An email to one of the agency's staff (an alert about mail, the daily digest), its words written now. The
     * dedup key names the recipient and the scope (what it is about), so the same alert reaches each person once
     * a day however often its cause recurs.
     */
    public static OutboxEmail toStaff(MailKind kind, String toAddress, String scope, String subject, String message, Instant dueAt) {
        if (kind.recipient() != MailKind.Recipient.STAFF) {
            throw new IllegalArgumentException(kind + " is not an email to staff");
        }
        OutboxEmail email = new OutboxEmail(kind, null, toAddress, null, subject, dueAt);
        email.message = Require.text("message", message, 20000);
        email.dedupKey = staffDedupKey(kind, email.toAddress, scope, dueAt);
        return email;
    }

    public static String staffDedupKey(MailKind kind, String toAddress, String scope, Instant dueAt) {
        String key = "staff-" + toAddress.toLowerCase(java.util.Locale.ROOT) + ":" + Require.line("scope", scope, 80) + ":" + kind.name()
                + ":" + dueDay(dueAt);
        return key.length() <= 200 ? key : key.substring(0, 200);
    }

    public Long getStudentId() {
        return studentId;
    }

    public String getMessage() {
        return message;
    }

    public static String dedupKey(MailKind kind, Long letterRequestId, Instant dueAt) {
        return letterRequestId + ":" + kind.name() + ":" + dueDay(dueAt);
    }

    /** The UTC day a key names, so one email a day per key. */
    private static java.time.LocalDate dueDay(Instant dueAt) {
        return java.time.LocalDate.ofInstant(dueAt, java.time.ZoneOffset.UTC);
    }

    public MailKind mailKind() {
        return MailKind.valueOf(kind);
    }

    /** Sent: keep what was sent with its links blanked out, for the record. */
    public void markSent(String messageId, String bodyTextWithoutLinks, String bodyHtmlWithoutLinks, Instant at) {
        this.messageId = messageId;
        this.bodyText = bodyTextWithoutLinks;
        this.bodyHtml = bodyHtmlWithoutLinks;
        this.sentAt = at;
        completed();
        if (MailKind.Recipient.STAFF.name().equals(recipientRole)) {
            // A digest or an alert names students, but belongs to no student: erasure could not find it, so it is not kept.
            this.message = null;
        }
    }

    /**
     * The relay refused the email for a reason of LorKit's own setup (policy, authentication, relaying): it waits
     * and is tried again, without counting towards giving up, since the mail is not at fault.
     */
    public void holdForRelay(String error, Instant next) {
        postpone(error, next);
    }

    /**
     * The address was refused for good: at once by the relay (SMTP 5.1.x, 5.2.x, 5.4.x), or later by a bounce report
     * about a mail that had been sent. Either way it is not sent again.
     */
    public void markBounced(String error) {
        end(OutboxStatus.BOUNCED, error, true);
    }

    /**
     * Delivery is over without the mail arriving, though the address was not refused: a later report gave up (a
     * policy refusal by the recipient's server, a queue lifetime run out), or the relay kept holding it.
     */
    public void markUndelivered(String error) {
        if (getStatus() == OutboxStatus.PENDING || getStatus() == OutboxStatus.SENT) {
            end(OutboxStatus.FAILED, error, false);
        }
    }

    /** The recipient reported the agency's mail as spam: this email, still waiting, is not sent. */
    public void suppress(String why) {
        if (getStatus() == OutboxStatus.PENDING) {
            end(OutboxStatus.SUPPRESSED, why, false);
        }
    }

    public void assignMessageId(String messageId) {
        if (this.messageId == null) {
            this.messageId = messageId;
        }
    }

    public String getMessageId() {
        return messageId;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public String getKind() {
        return kind;
    }

    public Long getLetterRequestId() {
        return letterRequestId;
    }

    public String getToAddress() {
        return toAddress;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public String getSubject() {
        return subject;
    }

    public String getBodyText() {
        return bodyText;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
