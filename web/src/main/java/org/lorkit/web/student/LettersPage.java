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

    private long studentId;
    private Portfolio portfolio;
    private List<Candidate> supervisors = List.of();
    /** "rotationId:attendingId" of the writer to plan a letter with. */
    private String planWith;
    /** What the student types as the corrected address of a bounced attending, per request. */
    private final java.util.HashMap<Long, String> correctedEmails = new java.util.HashMap<>();

    public void load() {
        studentId = students.me().id();
        portfolio = letters.portfolio(studentId);
        supervisors = asks.candidates();
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

    public String getPlanWith() {
        return planWith;
    }

    public void setPlanWith(String planWith) {
        this.planWith = planWith;
    }
}
