package org.lorkit.web.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.web.support.AnswerCorrectionForm;

/** The letters page's "correct the answer" form (letters.xhtml?correct=id): the student may within 14 days of the answer. */
@Named
@ViewScoped
public class LetterAnswerCorrection extends AnswerCorrectionForm {
    private static final long serialVersionUID = 1L;

    @Inject
    private LetterRequestService letters;
    @Inject
    private LettersPage page;

    @Override
    protected LetterRequestService letters() {
        return letters;
    }

    @Override
    protected void afterCorrection() {
        page.load();
    }
}
