package org.lorkit.web.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.advice.AdviceService;
import org.lorkit.application.advice.AdviceService.RotationPlan;
import org.lorkit.application.advice.AskService;
import org.lorkit.application.advice.AskService.AnswerGuess;
import org.lorkit.application.advice.AskService.AnswerOutcome;
import org.lorkit.application.advice.AskService.Candidate;
import org.lorkit.application.advice.AskService.Script;
import org.lorkit.domain.letter.AnswerHeard;
import org.lorkit.domain.shared.Labels;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.util.List;

/**
 * The ask: whom, the words, and the answer. The student chooses what they heard from the guide's answers; as they type
 * the attending's words, LorKit's reading pre-selects its guess, until the student chooses one themself.
 */
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
    private String words;
    private AnswerHeard heard;
    /** The student picked the answer themself: LorKit's reading no longer changes it. */
    private boolean heardChosen;
    private AnswerGuess guess;
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
        clearAnswer();
    }

    /** The words changed: LorKit reads them again and pre-selects its guess, unless the student chose already. */
    public void suggest() {
        Messages.attempt("answer-form", () -> {
            guess = asks.suggestAnswer(words);
            if (!heardChosen) {
                heard = guess.heard();
            }
        });
    }

    /** The student chose an answer: it stays, whatever the words. */
    public void heardChosen() {
        heardChosen = heard != null;
    }

    public void record() {
        Messages.attempt("answer-form", () -> {
            outcome = asks.recordAnswer(chosen.rotationId(), chosen.attendingId(), heard, words);
            clearAnswer();
            candidates = asks.candidates();
        });
    }

    private void clearAnswer() {
        words = null;
        heard = null;
        heardChosen = false;
        guess = null;
    }

    /** An answer can be recorded: an attending is chosen and no final answer was recorded for them on this page. */
    public boolean isRecordable() {
        return chosen != null && (outcome == null || outcome.heard() == AnswerHeard.OFFERED_BEFORE_ASKED);
    }

    /** What LorKit read from the words, in plain words; empty before any. */
    public String getGuessText() {
        if (guess == null || words == null || words.isBlank()) {
            return "";
        }
        if (guess.heard() == null) {
            return Messages.text("ask.guessUnclear");
        }
        return Messages.text("ask.guess", String.join(", ", guess.signals()), Labels.of(guess.heard()));
    }

    public List<AnswerHeard> getAnswers() {
        return List.of(AnswerHeard.values());
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

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }

    public AnswerHeard getHeard() {
        return heard;
    }

    public void setHeard(AnswerHeard heard) {
        this.heard = heard;
    }

    public AnswerOutcome getOutcome() {
        return outcome;
    }

    /** Each rotation with its ask window in words and whether its site is academic-affiliated. */
    public List<RotationPlan> getPlans() {
        return plans;
    }

    /** The agency's minimum of meaningful contact, as the suggestions count it (its own number, not always two weeks). */
    public int getContactMinimumDays() {
        if (contactMinimumDays == null) {
            contactMinimumDays = advice.rules().contactMinimumDays();
        }
        return contactMinimumDays;
    }

    private Integer contactMinimumDays;
}
