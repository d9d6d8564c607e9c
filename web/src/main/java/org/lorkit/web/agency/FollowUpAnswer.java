package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.web.support.AnswerCorrectionForm;

/** The student follow-up's "correct the answer" form (student.xhtml?id=…&amp;correct=id): staff may at any time. */
@Named
@ViewScoped
public class FollowUpAnswer extends AnswerCorrectionForm {
    private static final long serialVersionUID = 1L;

    @Inject
    private LetterRequestService letters;
    @Inject
    private StudentFollowUp page;

    @Override
    protected LetterRequestService letters() {
        return letters;
    }

    @Override
    protected void afterCorrection() {
        page.load();
    }
}
