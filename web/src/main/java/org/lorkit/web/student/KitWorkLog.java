package org.lorkit.web.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.kit.WorkLogService;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.domain.worklog.WorkLogKind;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** The kit builder's work log and summary forms, for one of the student's rotations (the latest unless chosen). */
@Named
@ViewScoped
public class KitWorkLog implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private RotationService rotations;
    @Inject
    private WorkLogService worklog;

    private List<RotationView> myRotations = List.of();
    private Long rotationId;
    private List<WorkLogService.Entry> entries = List.of();
    private WorkLogService.Summary summary;
    private LocalDate entryDate;
    private WorkLogKind entryKind = WorkLogKind.PATIENT_FOLLOWED;
    private String entryText;
    private String bulletsText;

    public void load(long studentId) {
        myRotations = rotations.listByStudent(studentId);
        if (rotationId == null && !myRotations.isEmpty()) {
            rotationId = myRotations.get(myRotations.size() - 1).id();
        }
        loadRotation();
    }

    public void loadRotation() {
        if (rotationId == null) {
            return;
        }
        entries = worklog.entries(rotationId);
        summary = worklog.summary(rotationId);
        bulletsText = String.join("\n", summary.kept().isEmpty() ? summary.proposed() : summary.kept());
    }

    public void addEntry() {
        Messages.attempt("worklog-form", () -> {
            worklog.add(rotationId, entryDate, entryKind, entryText);
            entryText = null;
            entries = worklog.entries(rotationId);
            summary = worklog.summary(rotationId);
            Messages.info(Messages.text("kit.entryAdded"));
        });
    }

    public void saveBullets() {
        Messages.attempt("summary-form", () -> {
            List<String> kept = worklog.keepBullets(rotationId, Arrays.asList(bulletsText == null ? new String[0] : bulletsText.split("\\R")));
            summary = worklog.summary(rotationId);
            Messages.info(Messages.text("kit.summarySaved", kept.size()));
        });
    }

    public List<WorkLogKind> getKinds() {
        return List.of(WorkLogKind.values());
    }

    public List<RotationView> getMyRotations() {
        return myRotations;
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
}
