package org.lorkit.web.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.advice.AdviceService;
import org.lorkit.application.advice.AdviceService.RotationPlan;
import org.lorkit.application.advice.AskService;
import org.lorkit.application.advice.AskService.AnswerOutcome;
import org.lorkit.application.advice.AskService.Candidate;
import org.lorkit.application.advice.AskService.Script;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.util.List;

/** The ask: whom, the words, and the answer. */
@Named
@ViewScoped
public class AskPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private AskService asks;
    @Inject
    private AdviceService advice;

    private Long rotation;
    private List<Candidate> candidates = List.of();
    private Candidate chosen;
    private Script script;
    private String answer;
    private boolean offeredUnprompted;
    private AnswerOutcome outcome;
    private List<RotationPlan> plans = List.of();

    public void load() {
        plans = advice.rotationPlans();
        candidates = asks.candidates();
        candidates.stream().filter(Candidate::isAskable)
                .filter(c -> rotation == null || c.rotationId() == rotation)
                .findFirst().ifPresent(this::choose);
    }

    public void choose(Candidate candidate) {
        chosen = candidate;
        script = asks.script(candidate.rotationId(), candidate.attendingId());
        outcome = null;
    }

    public void record() {
        Messages.attempt("answer-form", () -> {
            outcome = asks.recordAnswer(chosen.rotationId(), chosen.attendingId(), answer, offeredUnprompted);
            answer = null;
            offeredUnprompted = false;
            candidates = asks.candidates();
        });
    }

    public Long getRotation() {
        return rotation;
    }

    public void setRotation(Long rotation) {
        this.rotation = rotation;
    }

    public List<Candidate> getCandidates() {
        return candidates;
    }

    public Candidate getChosen() {
        return chosen;
    }

    public Script getScript() {
        return script;
    }

    public String getAnswer() {
        return answer;
    }

    public void setAnswer(String answer) {
        this.answer = answer;
    }

    public boolean isOfferedUnprompted() {
        return offeredUnprompted;
    }

    public void setOfferedUnprompted(boolean offeredUnprompted) {
        this.offeredUnprompted = offeredUnprompted;
    }

    public AnswerOutcome getOutcome() {
        return outcome;
    }

    /** Each rotation with its ask window in words and whether its site is academic-affiliated. */
    public List<RotationPlan> getPlans() {
        return plans;
    }
}
