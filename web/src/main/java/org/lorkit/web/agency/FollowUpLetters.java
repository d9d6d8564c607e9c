package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.link.LinkManagementService;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.web.support.Messages;

import java.io.Serializable;

/** The student follow-up's letters form: each request's buttons, re-sending a kit link and withdrawing. */
@Named
@ViewScoped
public class FollowUpLetters implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private LetterRequestService letters;
    @Inject
    private LinkManagementService links;
    @Inject
    private StudentFollowUp page;

    private String withdrawReason;

    public void resendLinks(long requestId) {
        Messages.attempt("letters", () -> {
            boolean sent = links.resendLinks(requestId);
            Messages.info(sent ? Messages.text("followUp.letter.resent") : Messages.text("followUp.letter.resent.already"));
            page.load();
        });
    }

    public void withdraw(long requestId) {
        Messages.attempt("letters", () -> {
            String reason = withdrawReason == null || withdrawReason.isBlank() ? Messages.text("followUp.letter.withdraw.reason")
                    : withdrawReason.strip();
            letters.moveTo(requestId, LetterState.WITHDRAWN, reason);
            withdrawReason = null;
            Messages.info(Messages.text("followUp.letter.withdrawn"));
            page.load();
        });
    }

    public boolean canResend(LetterRequestView request) {
        return request.state().isAwaitingUpload();
    }

    public boolean canWithdraw(LetterRequestView request) {
        return request.state().isOpen();
    }

    public String getWithdrawReason() {
        return withdrawReason;
    }

    public void setWithdrawReason(String withdrawReason) {
        this.withdrawReason = withdrawReason;
    }
}
