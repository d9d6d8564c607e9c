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
 * version each attending got), the ERAS Letter ID if known, whether it is a general letter, and the deadline; and
 * for the kit email, whether the student has entered the writer in ERAS (ERAS sends the writer the upload link only
 * then) and the student's own paragraph, if any. Embedded in its letter request; immutable, so a new choice replaces
 * the old one.
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

    /** The student says they have entered the writer in ERAS as a letter writer (a required item of the kit). */
    @Column(name = "WRITER_IN_ERAS", nullable = false)
    private boolean writerInEras;

    /** The student's own paragraph in the kit email, or null. */
    @Column(name = "PERSONAL_PARAGRAPH", length = PERSONAL_PARAGRAPH_MAX)
    private String personalParagraph;

    /** How long the student's paragraph in the kit email may be. */
    public static final int PERSONAL_PARAGRAPH_MAX = 1000;

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

    /** This choice of documents, ID and deadline with the email's part (ERAS entry, paragraph) of another. */
    public KitChoice withEmailOf(KitChoice other) {
        KitChoice changed = copy();
        changed.writerInEras = other.writerInEras;
        changed.personalParagraph = other.personalParagraph;
        return changed;
    }

    /** The same choice, with the student's word on whether the writer is entered in ERAS. */
    public KitChoice withWriterInEras(boolean entered) {
        KitChoice changed = copy();
        changed.writerInEras = entered;
        return changed;
    }

    /**
     * The same choice with the student's own paragraph for the kit email: optional (blank is none), at most
     * {@value #PERSONAL_PARAGRAPH_MAX} characters, line breaks kept as typed.
     */
    public KitChoice withPersonalParagraph(String paragraph) {
        KitChoice changed = copy();
        changed.personalParagraph = checkParagraph(paragraph);
        return changed;
    }

    private static String checkParagraph(String paragraph) {
        if (paragraph == null || paragraph.isBlank()) {
            return null;
        }
        String text = paragraph.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.length() > PERSONAL_PARAGRAPH_MAX) {
            throw new DomainException("personalParagraph", "Your paragraph can be at most " + PERSONAL_PARAGRAPH_MAX
                    + " characters; it has " + text.length());
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new DomainException("personalParagraph", "Your paragraph holds a character that cannot go into an email; type it again");
        }
        return text;
    }

    private KitChoice copy() {
        KitChoice copy = new KitChoice();
        copy.cvDocumentId = cvDocumentId;
        copy.statementDocumentId = statementDocumentId;
        copy.erasLetterId = erasLetterId;
        copy.generalLetter = generalLetter;
        copy.deadline = deadline;
        copy.writerInEras = writerInEras;
        copy.personalParagraph = personalParagraph;
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

    public boolean writerInEras() {
        return writerInEras;
    }

    public String personalParagraph() {
        return personalParagraph;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KitChoice that && generalLetter == that.generalLetter && Objects.equals(cvDocumentId, that.cvDocumentId)
                && Objects.equals(statementDocumentId, that.statementDocumentId) && Objects.equals(erasLetterId, that.erasLetterId)
                && Objects.equals(deadline, that.deadline) && writerInEras == that.writerInEras
                && Objects.equals(personalParagraph, that.personalParagraph);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cvDocumentId, statementDocumentId, erasLetterId, generalLetter, deadline, writerInEras, personalParagraph);
    }

    @Override
    public String toString() {
        return "KitChoice[cv=" + cvDocumentId + ", statement=" + statementDocumentId + ", erasLetterId=" + erasLetterId
                + ", general=" + generalLetter + ", deadline=" + deadline + ", writerInEras=" + writerInEras
                + ", personalParagraph=" + (personalParagraph == null ? "none" : personalParagraph.length() + " characters") + "]";
    }
}
