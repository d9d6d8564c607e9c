package org.lorkit.web.support;

import org.lorkit.application.letter.AnswerCorrection;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.domain.letter.AnswerHeard;
import org.lorkit.domain.shared.DomainException;

import java.io.Serializable;
import java.util.List;

/**
 * The "correct the answer" form the student's letters page and the staff's student page share (the markup is
 * {@code /WEB-INF/includes/answer-correction.xhtml}): opened for one request by the page's {@code correct} parameter,
 * it offers the other answers with their meaning, asks why, and corrects through the service, which decides who may
 * (the student within 14 days of the answer, staff at any time). Each page has its own bean, which reloads the page.
 */
public abstract class AnswerCorrectionForm implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The form's id in the include: the fields' messages go next to them. */
    public static final String FORM = "correct-form";

    private Long requestId;
    private AnswerCorrection correction;
    private AnswerHeard heard;
    private String reason;
    private LetterRequestView corrected;
    private boolean confirming;

    protected abstract LetterRequestService letters();

    /** What the page shows once the answer is corrected (the letters again). */
    protected abstract void afterCorrection();

    /** Opens the form for the request named by the page's parameter; a request the caller may not see shows nothing. */
    public void load() {
        if (requestId == null) {
            return;
        }
        try {
            correction = letters().answerCorrection(requestId);
        } catch (DomainException notFound) {
            correction = null; // the same for another student's or another agency's request: nothing to correct
        }
    }

    /**
     * First step: with an answer chosen and a reason given, asks to confirm; without, the service says what is missing
     * next to the field (and changes nothing).
     */
    public void review() {
        if (correction == null) {
            return;
        }
        if (heard == null || reason == null || reason.isBlank()) {
            Messages.attempt(FORM, () -> letters().correctAnswer(correction.request().id(), heard, reason));
            return;
        }
        confirming = true;
    }

    /** Confirmed: corrects the answer; what the service refuses shows next to the field, the input kept. */
    public void correct() {
        if (correction == null) {
            return;
        }
        confirming = false;
        Messages.attempt(FORM, () -> {
            corrected = letters().correctAnswer(correction.request().id(), heard, reason);
            Messages.info(Messages.text("answerCorrection.corrected", corrected.attendingName(), heard.said(), heard.meaning()));
            correction = null;
            heard = null;
            reason = null;
            afterCorrection();
        });
    }

    /** Back from the confirmation to the choice, as it was. */
    public void back() {
        confirming = false;
    }

    public void cancel() {
        correction = null;
        heard = null;
        reason = null;
        confirming = false;
    }

    public boolean isConfirming() {
        return confirming;
    }

    /** What choosing this answer would do, for the chosen one (updated as the choice changes). */
    public String getConsequence() {
        if (heard == null || correction == null) {
            return "";
        }
        String name = correction.request().attendingName();
        return switch (heard.leadsTo()) {
            case STRONG_YES -> Messages.text("answerCorrection.becomesYes", name);
            case LUKEWARM, DECLINED -> correction.request().state().isAwaitingUpload()
                    ? Messages.text("answerCorrection.closesNoReminders", name, heard.meaning())
                    : Messages.text("answerCorrection.closes", heard.meaning());
            default -> Messages.text("answerCorrection.waits", name);
        };
    }

    public boolean isOpen() {
        return correction != null;
    }

    public AnswerCorrection getCorrection() {
        return correction;
    }

    public List<AnswerHeard> getChoices() {
        return correction == null ? List.of() : correction.choices();
    }

    public LetterRequestView getCorrected() {
        return corrected;
    }

    public Long getRequestId() {
        return requestId;
    }

    public void setRequestId(Long requestId) {
        this.requestId = requestId;
    }

    public AnswerHeard getHeard() {
        return heard;
    }

    public void setHeard(AnswerHeard heard) {
        this.heard = heard;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
