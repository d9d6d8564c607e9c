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
            Messages.info(moved.deadline().equals(before) ? "The deadline stays " + day(before) + "."
                    : "Deadline moved to " + day(moved.deadline()) + ": " + moved.attendingName()
                    + " gets a short email with the new date, and reminders follow it.");
            deadlineChoice = null;
            refresh();
        });
    }

    /** Saves the student's own planned submit date, or with an empty field goes back to the cohort's. */
    public void saveSubmitDate() {
        Messages.attempt("submit-form", () -> {
            submitDate = students.planSubmission(studentId, ownSubmitDate);
            ownSubmitDate = submitDate.ownDate();
            Messages.info(submitDate.isOwn() ? "Your planned submit date is " + day(submitDate.effective())
                    + ": reminders and deadlines follow it." : "You follow your cohort's submit date, " + day(submitDate.effective()) + ".");
            refresh();
            java.util.List<String> later = portfolio.letters().stream().map(Portfolio.Letter::request)
                    .filter(r -> r.state().isAwaitingUpload() && r.deadline() != null && r.deadline().isAfter(submitDate.effective()))
                    .map(LetterRequestView::attendingName).toList();
            if (!later.isEmpty()) {
                Messages.info("The deadline for " + String.join(", ", later) + " falls after it: use Change deadline to bring it forward.");
            }
        });
    }

    /** Back to the cohort's submit date. */
    public void useCohortDate() {
        ownSubmitDate = null;
        saveSubmitDate();
    }

    /** A day as LorKit writes it for people: "3 Jan 2027". */
    public String day(java.time.LocalDate date) {
        return org.lorkit.domain.shared.Dates.day(date);
    }

    public boolean isDeadlineChangeable(Portfolio.Letter letter) {
        return letter.request().state().isAwaitingUpload();
    }

    public void plan() {
        Messages.attempt("plan-form", () -> {
            Candidate writer = supervisors.stream().filter(c -> key(c).equals(planWith)).findFirst()
                    .orElseThrow(() -> new DomainException("attendingId", "Choose a writer"));
            LetterRequestView planned = letters.plan(new NewLetterRequest(studentId, writer.attendingId(), writer.rotationId(), null));
            Messages.info("Planned a letter from " + planned.attendingName() + ". Ask in the last days of the rotation.");
            planWith = null;
            refresh();
        });
    }

    public void receivedInEras(Portfolio.Letter letter) {
        act(() -> letters.reportReceivedInEras(letter.request().id()), "Recorded: ERAS shows the letter from "
                + letter.request().attendingName() + " as received.");
    }

    public void writerUploaded(Portfolio.Letter letter) {
        act(() -> letters.reportWriterUpload(letter.request().id()), "Recorded: " + letter.request().attendingName()
                + " says the letter is uploaded. Check ERAS in the next days.");
    }

    public void freshLinks(Portfolio.Letter letter) {
        act(() -> links.resendLinks(letter.request().id()), "Fresh links are on their way to " + letter.request().attendingName()
                + "; the earlier ones no longer work.");
    }

    public void correctAndResend(Portfolio.Letter letter) {
        Messages.attempt("letters-form", () -> {
            links.correctAddressAndResend(letter.request().id(), correctedEmails.get(letter.request().id()));
            Messages.info("Address corrected: fresh links are on their way to " + letter.request().attendingName() + ".");
            correctedEmails.remove(letter.request().id());
            refresh();
        });
    }

    public java.util.Map<Long, String> getCorrectedEmails() {
        return correctedEmails;
    }

    public void withdraw(Portfolio.Letter letter) {
        act(() -> letters.moveTo(letter.request().id(), LetterState.WITHDRAWN, "withdrawn by the student"),
                "Withdrawn: the request to " + letter.request().attendingName() + " is closed.");
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
