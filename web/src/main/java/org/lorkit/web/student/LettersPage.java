package org.lorkit.web.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.advice.AskService;
import org.lorkit.application.advice.AskService.Candidate;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.letter.NewLetterRequest;
import org.lorkit.application.letter.Portfolio;
import org.lorkit.application.student.StudentService;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.util.List;

/** The letter portfolio: every request with its history, the goal meter, and what ERAS shows. */
@Named
@ViewScoped
public class LettersPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private StudentService students;
    @Inject
    private LetterRequestService letters;
    @Inject
    private AskService asks;
    @Inject
    private org.lorkit.application.link.LinkManagementService links;
    @Inject
    private org.lorkit.application.kit.KitService kits;

    private long studentId;
    private Portfolio portfolio;
    private List<Candidate> supervisors = List.of();
    /** "rotationId:attendingId" of the writer to plan a letter with. */
    private String planWith;
    /** What the student types as the corrected address of a bounced attending, per request. */
    private final java.util.HashMap<Long, String> correctedEmails = new java.util.HashMap<>();
    /** The sent kit whose deadline the student is moving (the dialog's), and the new date as typed. */
    private org.lorkit.application.kit.KitService.DeadlineChoice deadlineChoice;
    private java.time.LocalDate newDeadline;
    /** The student's planned submit date, and their own one as typed (empty: the cohort's). */
    private StudentService.SubmitDate submitDate;
    private java.time.LocalDate ownSubmitDate;

    public void load() {
        studentId = students.me().id();
        portfolio = letters.portfolio(studentId);
        supervisors = asks.candidates();
        submitDate = students.submitDate(studentId);
        ownSubmitDate = submitDate.ownDate();
    }

    /** Opens the "change deadline" dialog for a sent kit, with its deadline and the days a new one may fall on. */
    public void startDeadlineChange(Portfolio.Letter letter) {
        deadlineChoice = kits.deadlineChoice(letter.request().id());
        newDeadline = deadlineChoice.deadline();
    }

    public void changeDeadline() {
        if (deadlineChoice == null) {
            return;
        }
        Messages.attempt("deadline-form", () -> {
            java.time.LocalDate before = deadlineChoice.deadline();
            LetterRequestView moved = kits.changeDeadline(deadlineChoice.id(), newDeadline);
            Messages.info(moved.deadline().equals(before) ? Messages.text("letters.deadlineStays", Dates.day(before))
                    : Messages.text("letters.deadlineMoved", Dates.day(moved.deadline()), moved.attendingName()));
            deadlineChoice = null;
            refresh();
        });
    }

    /** Saves the student's own planned submit date, or with an empty field goes back to the cohort's. */
    public void saveSubmitDate() {
        Messages.attempt("submit-form", () -> {
            submitDate = students.planSubmission(studentId, ownSubmitDate);
            ownSubmitDate = submitDate.ownDate();
            Messages.info(submitDate.isOwn() ? Messages.text("letters.ownSubmitSaved", Dates.day(submitDate.effective()))
                    : Messages.text("letters.cohortSubmitSaved", Dates.day(submitDate.effective())));
            refresh();
            java.util.List<String> later = portfolio.letters().stream().map(Portfolio.Letter::request)
                    .filter(r -> r.state().isAwaitingUpload() && r.deadline() != null && r.deadline().isAfter(submitDate.effective()))
                    .map(LetterRequestView::attendingName).toList();
            if (!later.isEmpty()) {
                Messages.info(Messages.text("letters.deadlinesAfter", String.join(", ", later)));
            }
        });
    }

    /** Back to the cohort's submit date. */
    public void useCohortDate() {
        ownSubmitDate = null;
        saveSubmitDate();
    }

    public boolean isDeadlineChangeable(Portfolio.Letter letter) {
        return letter.request().state().isAwaitingUpload();
    }

    public void plan() {
        Messages.attempt("plan-form", () -> {
            Candidate writer = supervisors.stream().filter(c -> key(c).equals(planWith)).findFirst()
                    .orElseThrow(() -> new DomainException("attendingId", Messages.text("letters.chooseWriter")));
            LetterRequestView planned = letters.plan(new NewLetterRequest(studentId, writer.attendingId(), writer.rotationId(), null));
            Messages.info(Messages.text("letters.planned", planned.attendingName()));
            planWith = null;
            refresh();
        });
    }

    public void receivedInEras(Portfolio.Letter letter) {
        act(() -> letters.reportReceivedInEras(letter.request().id()),
                Messages.text("letters.receivedDone", letter.request().attendingName()));
    }

    public void writerUploaded(Portfolio.Letter letter) {
        act(() -> letters.reportWriterUpload(letter.request().id()),
                Messages.text("letters.writerUploadedDone", letter.request().attendingName()));
    }

    public void freshLinks(Portfolio.Letter letter) {
        act(() -> links.resendLinks(letter.request().id()),
                Messages.text("letters.freshLinksDone", letter.request().attendingName()));
    }

    public void correctAndResend(Portfolio.Letter letter) {
        Messages.attempt("letters-form", () -> {
            links.correctAddressAndResend(letter.request().id(), correctedEmails.get(letter.request().id()));
            Messages.info(Messages.text("letters.addressCorrected", letter.request().attendingName()));
            correctedEmails.remove(letter.request().id());
            refresh();
        });
    }

    public java.util.Map<Long, String> getCorrectedEmails() {
        return correctedEmails;
    }

    public void withdraw(Portfolio.Letter letter) {
        act(() -> letters.moveTo(letter.request().id(), LetterState.WITHDRAWN, "withdrawn by the student"),
                Messages.text("letters.withdrawn", letter.request().attendingName()));
    }

    private void act(Runnable action, String done) {
        Messages.attempt("letters-form", () -> {
            action.run();
            Messages.info(done);
            refresh();
        });
    }

    private void refresh() {
        portfolio = letters.portfolio(studentId);
        supervisors = asks.candidates();
    }

    public String key(Candidate candidate) {
        return candidate.rotationId() + ":" + candidate.attendingId();
    }

    public Portfolio getPortfolio() {
        return portfolio;
    }

    public List<Candidate> getSupervisors() {
        return supervisors;
    }

    public org.lorkit.application.kit.KitService.DeadlineChoice getDeadlineChoice() {
        return deadlineChoice;
    }

    public java.time.LocalDate getNewDeadline() {
        return newDeadline;
    }

    public void setNewDeadline(java.time.LocalDate newDeadline) {
        this.newDeadline = newDeadline;
    }

    public StudentService.SubmitDate getSubmitDate() {
        return submitDate;
    }

    public java.time.LocalDate getOwnSubmitDate() {
        return ownSubmitDate;
    }

    public void setOwnSubmitDate(java.time.LocalDate ownSubmitDate) {
        this.ownSubmitDate = ownSubmitDate;
    }

    public String getPlanWith() {
        return planWith;
    }

    public void setPlanWith(String planWith) {
        this.planWith = planWith;
    }
}
