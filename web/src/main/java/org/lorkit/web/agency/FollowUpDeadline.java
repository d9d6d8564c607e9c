package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.domain.shared.Dates;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The student follow-up's "change deadline" dialog: staff move a sent kit's deadline (the attending asked them for
 * another date); the attending gets a short email with it and reminders follow it.
 */
@Named
@ViewScoped
public class FollowUpDeadline implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private KitService kits;
    @Inject
    private StudentFollowUp page;

    private KitService.DeadlineChoice choice;
    private LocalDate newDeadline;

    public void start(long requestId) {
        choice = kits.deadlineChoice(requestId);
        newDeadline = choice.deadline();
    }

    public void change() {
        if (choice == null) {
            return;
        }
        Messages.attempt("deadline-form", () -> {
            LocalDate before = choice.deadline();
            LetterRequestView moved = kits.changeDeadline(choice.id(), newDeadline);
            Messages.info(moved.deadline().equals(before) ? Messages.text("followUp.deadline.stays", Dates.day(before))
                    : Messages.text("followUp.deadline.moved", Dates.day(moved.deadline()), moved.attendingName()));
            choice = null;
            page.load();
        });
    }

    public boolean canChange(LetterRequestView request) {
        return request.state().isAwaitingUpload();
    }

    /** The date field's label, with the days it may take. */
    public String getNewDeadlineLabel() {
        return choice == null ? "" : Messages.text("followUp.deadline.new", Dates.day(choice.earliest()), Dates.day(choice.latest()));
    }

    public KitService.DeadlineChoice getChoice() {
        return choice;
    }

    public LocalDate getNewDeadline() {
        return newDeadline;
    }

    public void setNewDeadline(LocalDate newDeadline) {
        this.newDeadline = newDeadline;
    }
}
