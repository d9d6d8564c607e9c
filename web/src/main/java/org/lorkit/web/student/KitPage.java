package org.lorkit.web.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.kit.DocumentService;
import org.lorkit.application.kit.DocumentView;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.kit.WorkLogService;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentService;
import org.lorkit.domain.document.DocumentKind;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.worklog.WorkLogKind;
import org.lorkit.web.support.Messages;
import jakarta.servlet.http.Part;
import org.lorkit.web.support.Uploads;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** The kit builder: documents, the work log and its summary, and each kit as the attending will see it. */
@Named
@ViewScoped
public class KitPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private StudentService students;
    @Inject
    private RotationService rotations;
    @Inject
    private LetterRequestService letters;
    @Inject
    private DocumentService documents;
    @Inject
    private WorkLogService worklog;
    @Inject
    private KitService kits;

    private List<DocumentView> myDocuments = List.of();
    private List<RotationView> myRotations = List.of();
    private List<LetterRequestView> readyKits = List.of();
    private Long rotationId;
    private List<WorkLogService.Entry> entries = List.of();
    private WorkLogService.Summary summary;

    private transient Part cvFile;
    private transient Part statementFile;
    private LocalDate entryDate;
    private WorkLogKind entryKind = WorkLogKind.PATIENT_FOLLOWED;
    private String entryText;
    private String bulletsText;

    /** The kit being prepared or looked at, and its details as the student types them. */
    private Long kitId;
    private KitService.Settings settings;
    private String erasAamcId;
    private String erasLetterId;
    private LocalDate deadline;
    private String letterFor;

    public void load() {
        long me = students.me().id();
        myDocuments = documents.myDocuments();
        myRotations = rotations.listByStudent(me);
        readyKits = letters.listByStudent(me).stream()
                .filter(l -> l.state() == LetterState.STRONG_YES || l.state().isAwaitingUpload()).toList();
        if (rotationId == null && !myRotations.isEmpty()) {
            rotationId = myRotations.get(myRotations.size() - 1).id();
        }
        loadRotation();
        if (kitId == null || readyKits.stream().noneMatch(k -> k.id() == kitId)) {
            kitId = readyKits.stream().filter(k -> k.state() == LetterState.STRONG_YES).map(LetterRequestView::id).findFirst()
                    .orElse(readyKits.isEmpty() ? null : readyKits.get(0).id());
        }
        loadKit();
    }

    /** Shows the chosen kit's details in the form, as saved (or as proposed when nothing is saved yet). */
    public void loadKit() {
        if (kitId == null) {
            settings = null;
            return;
        }
        settings = kits.settings(kitId);
        erasAamcId = settings.erasAamcId();
        erasLetterId = settings.erasLetterId();
        deadline = settings.deadline();
        letterFor = settings.letterFor();
    }

    public void saveKit() {
        Messages.attempt("kit-form", () -> {
            settings = kits.prepare(kitId, erasAamcId, erasLetterId, deadline, letterFor);
            Messages.info(settings.isReady() ? "Kit details saved: the kit for " + settings.attendingName() + " is ready to send."
                    : "Kit details saved. Still missing: " + String.join(", ", settings.missing()) + ".");
        });
    }

    /** Sends the kit email now (through the outbox): reminders count from today, with the saved deadline. */
    public void send() {
        Messages.attempt("kit-form", () -> {
            LetterRequestView sent = kits.send(kitId);
            Messages.info("The kit is on its way to " + sent.attendingName() + ", deadline " + sent.deadline()
                    + ". You will hear here when they answer.");
            load();
        });
    }

    public LetterRequestView getKit() {
        return readyKits.stream().filter(k -> kitId != null && k.id() == kitId).findFirst().orElse(null);
    }

    public void loadRotation() {
        if (rotationId == null) {
            return;
        }
        entries = worklog.entries(rotationId);
        summary = worklog.summary(rotationId);
        bulletsText = String.join("\n", summary.kept().isEmpty() ? summary.proposed() : summary.kept());
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
            byte[] content = Uploads.bytes(file, DocumentService.MAX_BYTES, "file", "Choose a PDF file first");
            DocumentView kept = documents.upload(kind, Uploads.name(file), content);
            Messages.info("Saved " + kept.fileName() + " as version " + kept.docVersion() + ".");
        });
        if (!stored) {
            return null;
        }
        jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/student/kit?faces-redirect=true";
    }

    public void addEntry() {
        Messages.attempt("worklog-form", () -> {
            worklog.add(rotationId, entryDate, entryKind, entryText);
            entryText = null;
            entries = worklog.entries(rotationId);
            summary = worklog.summary(rotationId);
            Messages.info("Added to your work log.");
        });
    }

    public void saveBullets() {
        Messages.attempt("summary-form", () -> {
            List<String> kept = worklog.keepBullets(rotationId, Arrays.asList(bulletsText == null ? new String[0] : bulletsText.split("\\R")));
            summary = worklog.summary(rotationId);
            Messages.info("Summary saved with " + kept.size() + " bullets.");
        });
    }

    public KitService.Kit preview(LetterRequestView request) {
        return kits.preview(request.id());
    }

    public List<WorkLogKind> getKinds() {
        return List.of(WorkLogKind.values());
    }

    public List<DocumentView> getMyDocuments() {
        return myDocuments;
    }

    public List<RotationView> getMyRotations() {
        return myRotations;
    }

    public List<LetterRequestView> getReadyKits() {
        return readyKits;
    }

    public Long getRotationId() {
        return rotationId;
    }

    public void setRotationId(Long rotationId) {
        this.rotationId = rotationId;
    }

    public List<WorkLogService.Entry> getEntries() {
        return entries;
    }

    public WorkLogService.Summary getSummary() {
        return summary;
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

    public LocalDate getEntryDate() {
        return entryDate;
    }

    public void setEntryDate(LocalDate entryDate) {
        this.entryDate = entryDate;
    }

    public WorkLogKind getEntryKind() {
        return entryKind;
    }

    public void setEntryKind(WorkLogKind entryKind) {
        this.entryKind = entryKind;
    }

    public String getEntryText() {
        return entryText;
    }

    public void setEntryText(String entryText) {
        this.entryText = entryText;
    }

    public String getBulletsText() {
        return bulletsText;
    }

    public void setBulletsText(String bulletsText) {
        this.bulletsText = bulletsText;
    }

    public Long getKitId() {
        return kitId;
    }

    public void setKitId(Long kitId) {
        this.kitId = kitId;
    }

    public KitService.Settings getSettings() {
        return settings;
    }

    public String getErasAamcId() {
        return erasAamcId;
    }

    public void setErasAamcId(String erasAamcId) {
        this.erasAamcId = erasAamcId;
    }

    public String getErasLetterId() {
        return erasLetterId;
    }

    public void setErasLetterId(String erasLetterId) {
        this.erasLetterId = erasLetterId;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public void setDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }

    public String getLetterFor() {
        return letterFor;
    }

    public void setLetterFor(String letterFor) {
        this.letterFor = letterFor;
    }
}
