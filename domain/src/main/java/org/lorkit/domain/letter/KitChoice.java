package org.lorkit.domain.letter;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Require;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the student chose to go into the kit: the CV and statement versions it carried (so the student sees which
 * version each attending got), the ERAS Letter ID if known, whether it is a general letter, and the deadline.
 * Embedded in its letter request; immutable, so a new choice replaces the old one.
 */
@Embeddable
public class KitChoice implements Serializable {
    /** Nothing chosen yet. */
    public static final KitChoice NONE = new KitChoice();

    @Column(name = "CV_DOCUMENT_ID")
    private Long cvDocumentId;

    @Column(name = "STATEMENT_DOCUMENT_ID")
    private Long statementDocumentId;

    @Column(name = "ERAS_LETTER_ID", length = 20)
    private String erasLetterId;

    /** A general letter speaks to no one specialty and may be used for several. */
    @Column(name = "GENERAL_LETTER", nullable = false)
    private boolean generalLetter;

    @Column(name = "DEADLINE")
    private LocalDate deadline;

    protected KitChoice() {
    }

    /** Refuses an ERAS Letter ID that is not 4 to 20 letters, digits and dashes; a blank one is none. */
    public KitChoice(Long cvDocumentId, Long statementDocumentId, String erasLetterId, boolean generalLetter, LocalDate deadline) {
        String letterId = Require.optionalText("erasLetterId", erasLetterId, 20);
        if (letterId != null && !letterId.matches("[A-Za-z0-9-]{4,20}")) {
            throw new DomainException("erasLetterId", "An ERAS Letter ID holds 4 to 20 letters, digits and dashes, not \"" + erasLetterId + "\"");
        }
        this.cvDocumentId = cvDocumentId;
        this.statementDocumentId = statementDocumentId;
        this.erasLetterId = letterId;
        this.generalLetter = generalLetter;
        this.deadline = deadline;
    }

    /** The same choice with another deadline (the one the kit went out with). */
    public KitChoice withDeadline(LocalDate deadline) {
        KitChoice changed = copy();
        changed.deadline = deadline;
        return changed;
    }

    private KitChoice copy() {
        KitChoice copy = new KitChoice();
        copy.cvDocumentId = cvDocumentId;
        copy.statementDocumentId = statementDocumentId;
        copy.erasLetterId = erasLetterId;
        copy.generalLetter = generalLetter;
        copy.deadline = deadline;
        return copy;
    }

    public Long cvDocumentId() {
        return cvDocumentId;
    }

    public Long statementDocumentId() {
        return statementDocumentId;
    }

    public String erasLetterId() {
        return erasLetterId;
    }

    public boolean generalLetter() {
        return generalLetter;
    }

    public LocalDate deadline() {
        return deadline;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KitChoice that && generalLetter == that.generalLetter && Objects.equals(cvDocumentId, that.cvDocumentId)
                && Objects.equals(statementDocumentId, that.statementDocumentId) && Objects.equals(erasLetterId, that.erasLetterId)
                && Objects.equals(deadline, that.deadline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cvDocumentId, statementDocumentId, erasLetterId, generalLetter, deadline);
    }

    @Override
    public String toString() {
        return "KitChoice[cv=" + cvDocumentId + ", statement=" + statementDocumentId + ", erasLetterId=" + erasLetterId
                + ", general=" + generalLetter + ", deadline=" + deadline + "]";
    }
}
