package org.lorkit.web.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.shared.Dates;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The kit builder's kit form: the kits after a yes, the details of the chosen one as the student types them, the
 * question whether the writer is entered in ERAS, the student's part of the kit email (a paragraph, the phone of the
 * signature) and the email as it will go out, sending it, and the kit as the attending will see it.
 */
@Named
@ViewScoped
public class KitDetails implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private LetterRequestService letters;
    @Inject
    private KitService kits;

    private long studentId;
    private List<LetterRequestView> readyKits = List.of();
    /** The kit being prepared or looked at, and its details as the student types them. */
    private Long kitId;
    private KitService.Settings settings;
    private String erasAamcId;
    private String erasLetterId;
    private LocalDate deadline;
    private String letterFor;
    /** The kit email's part the student types, and the email as it reads with it (links as placeholders). */
    private boolean writerInEras;
    private String personalParagraph;
    private String phone;
    private KitService.Email email;

    public void load(long studentId) {
        this.studentId = studentId;
        readyKits = letters.listByStudent(studentId).stream()
                .filter(l -> l.state() == LetterState.STRONG_YES || l.state().isAwaitingUpload()).toList();
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
            email = null;
            return;
        }
        settings = kits.settings(kitId);
        erasAamcId = settings.erasAamcId();
        erasLetterId = settings.erasLetterId();
        deadline = settings.deadline();
        letterFor = settings.letterFor();
        writerInEras = settings.writerInEras();
        personalParagraph = settings.personalParagraph();
        phone = settings.phone();
        LetterRequestView kit = getKit();
        email = kit != null && kit.state() == LetterState.STRONG_YES ? kits.emailPreview(kitId) : null;
    }

    /** The checklist's "I have entered Dr. X in ERAS as a letter writer", kept as soon as it is ticked or cleared. */
    public void confirmWriterInEras() {
        Messages.attempt("kit-form", () -> settings = kits.confirmWriterInEras(kitId, writerInEras));
    }

    /** Keeps the paragraph and the phone, and shows the email as it now reads. */
    public void saveEmail() {
        Messages.attempt("kit-form", () -> {
            email = kits.writeEmail(kitId, personalParagraph, phone);
            settings = kits.settings(kitId);
            Messages.info(Messages.text("kit.emailSaved", settings.attendingName()));
        });
    }

    public void saveKit() {
        Messages.attempt("kit-form", () -> {
            settings = kits.prepare(kitId, erasAamcId, erasLetterId, deadline, letterFor);
            email = kits.emailPreview(kitId); // the deadline, the IDs and the specialty are in the email too
            Messages.info(settings.isReady() ? Messages.text("kit.detailsReady", settings.attendingName())
                    : Messages.text("kit.detailsMissing", String.join(", ", settings.missing())));
        });
    }

    /** Sends the kit email now (through the outbox): reminders count from today, with the saved deadline. */
    public void send() {
        Messages.attempt("kit-form", () -> {
            // What the student typed into the email goes with it, even if they did not save it first.
            email = kits.writeEmail(kitId, personalParagraph, phone);
            LetterRequestView sent = kits.send(kitId);
            Messages.info(Messages.text("kit.sent", sent.attendingName(), Dates.day(sent.deadline())));
            load(studentId);
        });
    }

    public LetterRequestView getKit() {
        return readyKits.stream().filter(k -> kitId != null && k.id() == kitId).findFirst().orElse(null);
    }

    public KitService.Kit preview(LetterRequestView request) {
        return kits.preview(request.id());
    }

    public List<LetterRequestView> getReadyKits() {
        return readyKits;
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

    public boolean isWriterInEras() {
        return writerInEras;
    }

    public void setWriterInEras(boolean writerInEras) {
        this.writerInEras = writerInEras;
    }

    public String getPersonalParagraph() {
        return personalParagraph;
    }

    public void setPersonalParagraph(String personalParagraph) {
        this.personalParagraph = personalParagraph;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public KitService.Email getEmail() {
        return email;
    }

    public String getLetterFor() {
        return letterFor;
    }

    public void setLetterFor(String letterFor) {
        this.letterFor = letterFor;
    }
}
