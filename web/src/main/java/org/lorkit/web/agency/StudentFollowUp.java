package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.dashboard.StudentTimeline;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.link.AttendingLinkService;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.web.support.Messages;

import java.io.Serializable;

/**
 * One student as staff follow them up: every letter request with its history, the notes, and what staff can
 * do about it here: nudge the student, keep a note, re-send a kit link, withdraw a request.
 */
@Named
@ViewScoped
public class StudentFollowUp implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private CompletionDashboard dashboard;
    @Inject
    private LetterRequestService letters;
    @Inject
    private AttendingLinkService links;

    private Long studentId;
    private StudentTimeline timeline;
    private String nudgeMessage;
    private String note;
    private String withdrawReason;

    public void load() {
        if (studentId == null) {
            return;
        }
        try {
            timeline = dashboard.timeline(studentId);
            if (nudgeMessage == null) {
                nudgeMessage = "Your planned ERAS submit date is coming up and your letters are not all in yet. "
                        + "Open LorKit to see what to do next, and reply to this email if you want help choosing a writer.";
            }
        } catch (DomainException notFound) {
            timeline = null; // shown as "no such student": the same for one of another agency
        }
    }

    public void nudge() {
        try {
            boolean sent = dashboard.nudge(studentId, nudgeMessage);
            Messages.info(sent ? "Nudge sent to " + timeline.name() + "." : timeline.name() + " was already nudged today: nothing more was sent.");
            load();
        } catch (RuntimeException refused) {
            Messages.refused(refused, "nudge-form");
        }
    }

    public void addNote() {
        try {
            dashboard.addNote(studentId, note);
            note = null;
            Messages.info("Note kept.");
            load();
        } catch (RuntimeException refused) {
            Messages.refused(refused, "note-form");
        }
    }

    public void resendLinks(long requestId) {
        try {
            boolean sent = links.resendLinks(requestId);
            Messages.info(sent ? "A fresh kit email with new links is on its way; the old links no longer work."
                    : "A fresh kit email already went out today.");
            load();
        } catch (RuntimeException refused) {
            Messages.refused(refused, "letters");
        }
    }

    public void withdraw(long requestId) {
        try {
            String reason = withdrawReason == null || withdrawReason.isBlank() ? "withdrawn by agency staff" : withdrawReason.strip();
            letters.moveTo(requestId, LetterState.WITHDRAWN, reason);
            withdrawReason = null;
            Messages.info("Request withdrawn; reminders for it stop.");
            load();
        } catch (RuntimeException refused) {
            Messages.refused(refused, "letters");
        }
    }

    public boolean canResend(LetterRequestView request) {
        return request.state().isAwaitingUpload();
    }

    public boolean canWithdraw(LetterRequestView request) {
        return request.state().isOpen();
    }

    public String stateName(LetterState state) {
        return state == null ? "" : CompletionDashboardPage.stateLabel(state);
    }

    public Long getStudentId() {
        return studentId;
    }

    public void setStudentId(Long studentId) {
        this.studentId = studentId;
    }

    public StudentTimeline getTimeline() {
        return timeline;
    }

    public String getNudgeMessage() {
        return nudgeMessage;
    }

    public void setNudgeMessage(String nudgeMessage) {
        this.nudgeMessage = nudgeMessage;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getWithdrawReason() {
        return withdrawReason;
    }

    public void setWithdrawReason(String withdrawReason) {
        this.withdrawReason = withdrawReason;
    }
}
