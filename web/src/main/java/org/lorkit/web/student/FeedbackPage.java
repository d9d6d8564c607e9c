package org.lorkit.web.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.advice.AskService;
import org.lorkit.application.advice.AskService.Candidate;
import org.lorkit.application.advice.FeedbackService;
import org.lorkit.domain.feedback.FeedbackClassifier.RedFlag;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** "Test the waters": what an attending said, read as green light, neutral or red flag, with the red-flag checklist. */
@Named
@ViewScoped
public class FeedbackPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private AskService asks;
    @Inject
    private FeedbackService feedback;

    private Long rotation;
    private List<Candidate> supervisors = List.of();
    private List<FeedbackService.Check> checks = List.of();
    /** "rotationId:attendingId" of the chosen supervisor. */
    private String chosen;
    private String whatTheySaid;
    private List<String> redFlags = new ArrayList<>();
    private FeedbackService.Check result;

    public void load() {
        supervisors = asks.candidates();
        checks = feedback.myChecks();
        if (chosen == null) {
            supervisors.stream().filter(c -> rotation == null || c.rotationId() == rotation).findFirst()
                    .ifPresent(c -> chosen = key(c));
        }
    }

    public void check() {
        boolean recorded = Messages.attempt("feedback-form", () -> {
            Candidate supervisor = supervisors.stream().filter(c -> key(c).equals(chosen)).findFirst()
                    .orElseThrow(() -> new DomainException("attending", Messages.text("feedback.chooseAttending")));
            result = feedback.record(supervisor.rotationId(), supervisor.attendingId(), whatTheySaid,
                    ticked());
            whatTheySaid = null;
            redFlags = new ArrayList<>();
            checks = feedback.myChecks();
        });
        if (!recorded) {
            result = null;
        }
    }

    private EnumSet<RedFlag> ticked() {
        EnumSet<RedFlag> flags = EnumSet.noneOf(RedFlag.class);
        redFlags.forEach(name -> flags.add(RedFlag.valueOf(name)));
        return flags;
    }

    public String key(Candidate candidate) {
        return candidate.rotationId() + ":" + candidate.attendingId();
    }

    public List<RedFlag> getAllRedFlags() {
        return List.of(RedFlag.values());
    }

    public Long getRotation() {
        return rotation;
    }

    public void setRotation(Long rotation) {
        this.rotation = rotation;
    }

    public List<Candidate> getSupervisors() {
        return supervisors;
    }

    public List<FeedbackService.Check> getChecks() {
        return checks;
    }

    public String getChosen() {
        return chosen;
    }

    public void setChosen(String chosen) {
        this.chosen = chosen;
    }

    public String getWhatTheySaid() {
        return whatTheySaid;
    }

    public void setWhatTheySaid(String whatTheySaid) {
        this.whatTheySaid = whatTheySaid;
    }

    public List<String> getRedFlags() {
        return redFlags;
    }

    public void setRedFlags(List<String> redFlags) {
        this.redFlags = redFlags == null ? new ArrayList<>() : new ArrayList<>(redFlags);
    }

    public FeedbackService.Check getResult() {
        return result;
    }
}
