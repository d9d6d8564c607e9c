package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.student.StudentService;
import org.lorkit.domain.shared.Dates;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The student follow-up's submit date form: the student's own planned certify/submit date, which staff may set for
 * them (or clear, back to the cohort's). Reminders, the at-risk rule and the limit on deadlines read it.
 */
@Named
@ViewScoped
public class FollowUpSubmitDate implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private StudentService students;
    @Inject
    private StudentFollowUp page;

    private StudentService.SubmitDate submitDate;
    private LocalDate ownSubmitDate;
    private boolean loaded;

    /** Read once per view, for the student the page shows (none when it shows nobody). */
    public StudentService.SubmitDate getSubmitDate() {
        if (!loaded && page.getTimeline() != null) {
            submitDate = students.submitDate(page.getStudentId());
            ownSubmitDate = submitDate.ownDate();
            loaded = true;
        }
        return submitDate;
    }

    public void save() {
        Messages.attempt("submit-date-form", () -> {
            submitDate = students.planSubmission(page.getStudentId(), ownSubmitDate);
            ownSubmitDate = submitDate.ownDate();
            loaded = true;
            Messages.info(submitDate.isOwn() ? Messages.text("followUp.submitDate.saved.own", Dates.day(submitDate.effective()))
                    : Messages.text("followUp.submitDate.saved.cohort", Dates.day(submitDate.effective())));
            page.load();
        });
    }

    public void useCohortDate() {
        ownSubmitDate = null;
        save();
    }

    /** The date field's label, with the days it may take. */
    public String getOwnDateLabel() {
        StudentService.SubmitDate shown = getSubmitDate();
        return shown == null ? "" : Messages.text("followUp.submitDate.ownDate", Dates.day(shown.earliest()), Dates.day(shown.latest()));
    }

    public LocalDate getOwnSubmitDate() {
        getSubmitDate();
        return ownSubmitDate;
    }

    public void setOwnSubmitDate(LocalDate ownSubmitDate) {
        this.ownSubmitDate = ownSubmitDate;
    }
}
