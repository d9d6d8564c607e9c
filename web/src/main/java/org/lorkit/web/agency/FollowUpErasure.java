package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.student.StudentErasureService;
import org.lorkit.web.support.Messages;

import java.io.Serializable;

/** The student follow-up's erasure form: the student erased, once their email is typed to confirm; the page then says what went. */
@Named
@ViewScoped
public class FollowUpErasure implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private StudentErasureService erasure;
    @Inject
    private StudentFollowUp page;

    private String eraseEmail;
    private StudentErasureService.Receipt erased;

    public void erase() {
        Messages.attempt("erase-form", () -> {
            erased = erasure.erase(page.getStudentId(), eraseEmail);
            page.forget();
            eraseEmail = null;
        });
    }

    public StudentErasureService.Receipt getErased() {
        return erased;
    }

    public String getEraseEmail() {
        return eraseEmail;
    }

    public void setEraseEmail(String eraseEmail) {
        this.eraseEmail = eraseEmail;
    }
}
