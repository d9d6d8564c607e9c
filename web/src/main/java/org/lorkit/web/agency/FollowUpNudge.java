package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.web.support.Messages;

import java.io.Serializable;

/** The student follow-up's nudge form: an email to the student from the agency, at most one a day. */
@Named
@ViewScoped
public class FollowUpNudge implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private CompletionDashboard dashboard;
    @Inject
    private StudentFollowUp page;

    private String nudgeMessage = Messages.text("followUp.nudge.default");

    public void nudge() {
        Messages.attempt("nudge-form", () -> {
            boolean sent = dashboard.nudge(page.getStudentId(), nudgeMessage);
            String name = page.getTimeline().name();
            Messages.info(sent ? Messages.text("followUp.nudge.sent", name) : Messages.text("followUp.nudge.already", name));
            page.load();
        });
    }

    public String getNudgeMessage() {
        return nudgeMessage;
    }

    public void setNudgeMessage(String nudgeMessage) {
        this.nudgeMessage = nudgeMessage;
    }
}
