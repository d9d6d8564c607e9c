package org.lorkit.web.attending;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lorkit.application.link.AttendingLinkService;
import org.lorkit.application.link.AttendingLinkService.Answer;
import org.lorkit.application.link.AttendingLinkService.Problem;
import org.lorkit.application.link.AttendingLinkService.Visit;
import org.lorkit.domain.link.LinkPurpose;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The attending's kit page (and the one-click confirm page). The token comes from the link; opening the
 * page reads only. Each answer is a button (a POST), safe to click twice, with an undo.
 */
@Named
@ViewScoped
public class AttendingKitPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private AttendingLinkService links;

    private String token;
    private LinkPurpose purpose = LinkPurpose.KIT;
    private Visit visit;
    private LocalDate remindOn;
    private String declineNote;
    private boolean freshLinkAsked;

    public void openKit() {
        open(LinkPurpose.KIT);
    }

    public void openConfirm() {
        open(LinkPurpose.CONFIRM);
    }

    private void open(LinkPurpose purpose) {
        this.purpose = purpose;
        visit = links.open(token, purpose, client());
        if (visit.problem() == Problem.TOO_MANY_ATTEMPTS) {
            tooManyAttempts((HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse(),
                    visit.retryAfterSeconds());
        }
    }

    /** A refused client's answer, on the page and the downloads alike: 429, and when to come back. */
    static void tooManyAttempts(HttpServletResponse response, long retryAfterSeconds) {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    public void confirm() {
        answer(Answer.CONFIRM, "Thank you: " + studentName() + " will be told that you will write the letter.");
    }

    public void uploaded() {
        answer(Answer.UPLOADED, "Thank you: " + studentName() + " will check that ERAS shows it as received.");
    }

    public void decline() {
        answer(Answer.DECLINE, "Understood. " + studentName() + " will ask someone else. Thank you for saying so.");
    }

    public void remind() {
        if (remindOn == null) {
            Messages.refused(new DomainException("remindOn", "Choose a day"), "answers");
            return;
        }
        answer(Answer.REMIND_ON, "We will remind you on " + remindOn + ".");
    }

    public void undo() {
        answer(Answer.UNDO, "Done: your last answer was taken back.");
    }

    public void freshLink() {
        links.sendFreshLink(token, client());
        freshLinkAsked = true;
    }

    private void answer(Answer answer, String done) {
        Messages.attempt("answers", () -> {
            visit = links.answer(token, purpose, answer, remindOn, declineNote, client());
            if (visit.problem() == null) {
                Messages.info(done);
            }
        });
    }

    private String studentName() {
        return visit == null || visit.page() == null ? "The student" : visit.page().studentName();
    }

    private static String client() {
        return ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getRemoteAddr();
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        if (this.token == null) {
            this.token = token;
        }
    }

    public Visit getVisit() {
        return visit;
    }

    public LinkPurpose getPurpose() {
        return purpose;
    }

    public LocalDate getRemindOn() {
        return remindOn;
    }

    public void setRemindOn(LocalDate remindOn) {
        this.remindOn = remindOn;
    }

    public String getDeclineNote() {
        return declineNote;
    }

    public void setDeclineNote(String declineNote) {
        this.declineNote = declineNote;
    }

    public boolean isFreshLinkAsked() {
        return freshLinkAsked;
    }
}
