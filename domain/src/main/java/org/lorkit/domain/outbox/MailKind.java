package org.lorkit.domain.outbox;

/** Every email LorKit sends, and to whom. Each kind has its templates under {@code mail/} in the ejb module. */
public enum MailKind {
    /** The kit, with the "open the kit" and "confirm" links and the deadline as an .ics event. */
    KIT(Recipient.ATTENDING),
    REMINDER_1(Recipient.ATTENDING),
    REMINDER_2(Recipient.ATTENDING),
    /** A fresh link after an expired or revoked one, to the address on file. */
    FRESH_LINK(Recipient.ATTENDING),
    /** A short note that the deadline moved, with the new date (and the deadline's calendar event, updated). */
    DEADLINE_CHANGED(Recipient.ATTENDING),
    WRITER_CONFIRMED(Recipient.STUDENT),
    WRITER_UPLOADED(Recipient.STUDENT),
    WRITER_DECLINED(Recipient.STUDENT),
    REMINDER_SENT(Recipient.STUDENT),
    NOT_COMING(Recipient.STUDENT),
    BOUNCED(Recipient.STUDENT),
    /** Staff's words to a student at risk, about no one request. */
    NUDGE(Recipient.STUDENT),
    /** The same news for the agency's staff, at the agency's reply-to address. */
    BOUNCED_AGENCY(Recipient.AGENCY),
    /** To each of the agency's admins: the relay refuses LorKit's mail for a reason of setup; mail waits meanwhile. */
    MAIL_HELD(Recipient.STAFF),
    /** To each of the agency's admins: an email could not be delivered after all its attempts. */
    MAIL_GAVE_UP(Recipient.STAFF),
    /** To each of the agency's staff who wants it, each morning: yesterday's letters that fell through and what still waits. */
    DIGEST(Recipient.STAFF),
    /**
     * To the student, once per rotation, when its ideal window to ask opens: the rotation, its last day and whom to ask
     * (AskWindowReminder). About a rotation rather than a request: it is wanted while AskWindowReminder still finds
     * someone to ask in the open window, which the outbox checks again just before it goes.
     */
    ASK_WINDOW_OPEN(Recipient.STUDENT);

    /** ATTENDING, STUDENT: about one request or student; AGENCY: the agency's reply-to address; STAFF: one staff member. */
    public enum Recipient { ATTENDING, STUDENT, AGENCY, STAFF }

    private final Recipient recipient;

    MailKind(Recipient recipient) {
        this.recipient = recipient;
    }

    /**
     * Whether an email of this kind still has reason to go while its request is in this state: what the attending is
     * sent (the kit, reminders, a fresh link, a new deadline) asks them for a letter, which a closed request (withdrawn,
     * declined, corrected to a no, not coming, received) no longer wants. What the student or staff are told goes anyway.
     */
    public boolean stillWanted(org.lorkit.domain.letter.LetterState requestState) {
        return recipient != Recipient.ATTENDING || requestState.isOpen();
    }

    public Recipient recipient() {
        return recipient;
    }

    /** The template name: KIT becomes "kit", WRITER_CONFIRMED "writer-confirmed". */
    public String template() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
