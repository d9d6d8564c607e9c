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
import org.lorkit.domain.shared.Dates;
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
        answer(Answer.CONFIRM, Messages.text("attendingKit.confirmDone", studentName()));
    }

    public void uploaded() {
        answer(Answer.UPLOADED, Messages.text("attendingKit.uploadedDone", studentName()));
    }

    public void decline() {
        answer(Answer.DECLINE, Messages.text("attendingKit.declineDone", studentName()));
    }

    public void remind() {
        if (remindOn == null) {
            Messages.refused(new DomainException("remindOn", Messages.text("attendingKit.chooseDay")), "answers");
            return;
        }
        answer(Answer.REMIND_ON, Messages.text("attendingKit.remindDone", Dates.weekdayAndDay(remindOn)));
    }

    public void undo() {
        answer(Answer.UNDO, Messages.text("attendingKit.undoDone"));
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
        return visit == null || visit.page() == null ? Messages.text("attendingKit.theStudent") : visit.page().studentName();
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
