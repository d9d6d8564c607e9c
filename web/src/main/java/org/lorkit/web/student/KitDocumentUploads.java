package org.lorkit.web.student;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.lorkit.application.kit.DocumentService;
import org.lorkit.application.kit.DocumentView;
import org.lorkit.domain.document.DocumentKind;
import org.lorkit.web.support.Messages;
import org.lorkit.web.support.Uploads;

import java.io.Serializable;
import java.util.List;

/** The kit builder's CV and personal statement: the two upload forms and the versions kept. */
@Named
@ViewScoped
public class KitDocumentUploads implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private DocumentService documents;

    private List<DocumentView> myDocuments = List.of();
    private transient Part cvFile;
    private transient Part statementFile;

    public void load() {
        myDocuments = documents.myDocuments();
    }

    public String uploadCv() {
        return upload(DocumentKind.CV, cvFile, "cv-form");
    }

    public String uploadStatement() {
        return upload(DocumentKind.PERSONAL_STATEMENT, statementFile, "statement-form");
    }

    /** After a stored upload the page is opened afresh (post, redirect, get), so a reload never uploads twice. */
    private String upload(DocumentKind kind, Part file, String form) {
        boolean stored = Messages.attempt(form, () -> {
            byte[] content = Uploads.bytes(file, DocumentService.MAX_BYTES, "file", Messages.text("kit.chooseFile"));
            DocumentView kept = documents.upload(kind, Uploads.name(file), content);
            Messages.info(Messages.text("kit.saved", kept.fileName(), kept.docVersion()));
        });
        if (!stored) {
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/student/kit?faces-redirect=true";
    }

    public List<DocumentView> getMyDocuments() {
        return myDocuments;
    }

    public Part getCvFile() {
        return cvFile;
    }

    public void setCvFile(Part cvFile) {
        this.cvFile = cvFile;
    }

    public Part getStatementFile() {
        return statementFile;
    }

    public void setStatementFile(Part statementFile) {
        this.statementFile = statementFile;
    }
}
