package org.lorkit.web.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The kit builder's kit form: the kits after a yes, the details of the chosen one as the student types them,
 * sending it, and the kit as the attending will see it.
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

    public String getLetterFor() {
        return letterFor;
    }

    public void setLetterFor(String letterFor) {
        this.letterFor = letterFor;
    }
}
