package org.lorkit.domain.letter;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What each side says about the letter's arrival in ERAS: the writer reports the upload, the student
 * reports that ERAS shows it as received. LorKit never sees ERAS itself, so when one side has spoken
 * and the other has not caught up within {@value #MISMATCH_AFTER_DAYS} days, the request is flagged.
 * Only the student's word counts the letter as received (the request becomes SUBMITTED): the writer's is
 * shown as reported by the writer until ERAS shows it, though it stops the reminders.
 * Embedded in its letter request; immutable, so a new report replaces the old one (JPA 3.1 has no record embeddables).
 */
@Embeddable
public class ErasReport implements Serializable {
    public static final int MISMATCH_AFTER_DAYS = 3;
    /** Nothing reported: what a request whose two columns are both empty reads as (never stored into a request as such). */
    public static final ErasReport NONE = new ErasReport(null, null);

    /** The day the writer said "uploaded" (on the kit page, or as the student relays it). */
    @Column(name = "WRITER_REPORTED_ON")
    private LocalDate writerReportedOn;

    /** The day the student saw "received" in ERAS. */
    @Column(name = "ERAS_RECEIVED_ON")
    private LocalDate receivedOn;

    protected ErasReport() {
    }

    public ErasReport(LocalDate writerReportedOn, LocalDate receivedOn) {
        this.writerReportedOn = writerReportedOn;
        this.receivedOn = receivedOn;
    }

    public LocalDate writerReportedOn() {
        return writerReportedOn;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public enum Status {
        /** Nobody has reported anything yet. */
        NOTHING_YET,
        /** The writer reported the upload; ERAS does not show it yet, for fewer than 3 days. */
        WRITER_REPORTED,
        /** ERAS shows it; the writer has not said so yet, for fewer than 3 days. */
        RECEIVED,
        /** Both agree. */
        CONFIRMED,
        /** The writer said "uploaded" 3 or more days ago and the student still does not see it. */
        MISMATCH_NOT_IN_ERAS,
        /** ERAS has shown it for 3 or more days and the writer never said they uploaded it. */
        MISMATCH_WRITER_SILENT;

        public boolean isMismatch() {
            return this == MISMATCH_NOT_IN_ERAS || this == MISMATCH_WRITER_SILENT;
        }
    }

    public Status status(LocalDate today) {
        if (writerReportedOn != null && receivedOn != null) {
            return Status.CONFIRMED;
        }
        if (writerReportedOn != null) {
            return overdue(writerReportedOn, today) ? Status.MISMATCH_NOT_IN_ERAS : Status.WRITER_REPORTED;
        }
        if (receivedOn != null) {
            return overdue(receivedOn, today) ? Status.MISMATCH_WRITER_SILENT : Status.RECEIVED;
        }
        return Status.NOTHING_YET;
    }

    /** Whether the writer has said the letter is uploaded (their word, not yet what ERAS shows). */
    public boolean isWriterReported() {
        return writerReportedOn != null;
    }

    public boolean isMismatch(LocalDate today) {
        return status(today).isMismatch();
    }

    /** The sentence the portfolio shows, naming the writer. */
    public String describe(String writer, LocalDate today) {
        return switch (status(today)) {
            case NOTHING_YET -> "ERAS: not received yet";
            case WRITER_REPORTED -> "Reported by the writer: " + writer + " says the letter was uploaded " + ago(writerReportedOn, today)
                    + ". It counts as received once ERAS shows it: check ERAS, then record it here";
            case RECEIVED -> "ERAS shows it received " + ago(receivedOn, today);
            case CONFIRMED -> "Received in ERAS, and " + writer + " confirms the upload";
            case MISMATCH_NOT_IN_ERAS -> "Mismatch: " + writer + " reported the upload " + ago(writerReportedOn, today)
                    + " but ERAS does not show it: ask them to check the upload link from AAMC, and tell your agency";
            case MISMATCH_WRITER_SILENT -> "Mismatch: ERAS has shown a letter " + ago(receivedOn, today) + " but " + writer
                    + " never said they uploaded it: check in ERAS that it is listed under " + writer;
        };
    }

    public ErasReport withWriterReport(LocalDate on) {
        return new ErasReport(writerReportedOn != null ? writerReportedOn : on, receivedOn);
    }

    public ErasReport withReceived(LocalDate on) {
        return new ErasReport(writerReportedOn, receivedOn != null ? receivedOn : on);
    }

    /** The same report without the writer's word (the writer took back "uploaded"). */
    public ErasReport withoutWriterReport() {
        return new ErasReport(null, receivedOn);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ErasReport that && Objects.equals(writerReportedOn, that.writerReportedOn)
                && Objects.equals(receivedOn, that.receivedOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(writerReportedOn, receivedOn);
    }

    @Override
    public String toString() {
        return "ErasReport[writerReportedOn=" + writerReportedOn + ", receivedOn=" + receivedOn + "]";
    }

    private static boolean overdue(LocalDate since, LocalDate today) {
        return ChronoUnit.DAYS.between(since, today) >= MISMATCH_AFTER_DAYS;
    }

    private static String ago(LocalDate day, LocalDate today) {
        long days = ChronoUnit.DAYS.between(day, today);
        return days <= 0 ? "today" : days == 1 ? "yesterday" : days + " days ago";
    }
}
