package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.web.support.Messages;

import java.io.Serializable;

/** The student follow-up's note form: what staff keep about the student, for the team (the student does not see it). */
@Named
@ViewScoped
public class FollowUpNote implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private CompletionDashboard dashboard;
    @Inject
    private StudentFollowUp page;

    private String note;

    public void addNote() {
        Messages.attempt("note-form", () -> {
            dashboard.addNote(page.getStudentId(), note);
            note = null;
            Messages.info(Messages.text("followUp.note.kept"));
            page.load();
        });
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
