package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.rotation.NewRotation;
import org.lorkit.application.rotation.RotationService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Labels;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.time.LocalDate;

/** The student follow-up's placement form: a rotation placed by hand (the import does the same for a whole file). */
@Named
@ViewScoped
public class FollowUpPlacement implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private RotationService rotations;
    @Inject
    private StudentFollowUp page;
    @Inject
    private FollowUpSupervisor supervisor;

    private String site;
    private String specialty = Specialty.INTERNAL_MEDICINE.name();
    private ClinicalSetting setting = ClinicalSetting.INPATIENT;
    private RotationKind kind = RotationKind.HANDS_ON;
    private boolean academic = true;
    private LocalDate startDate;
    private LocalDate endDate;

    /** Places the student; the supervisor form then offers the new rotation. */
    public void placeRotation() {
        Messages.attempt("placement-form", () -> {
            RotationView placed = rotations.place(new NewRotation(page.getStudentId(), site, specialty, setting, kind, academic, startDate, endDate));
            Messages.info(Messages.text("followUp.placement.placed", Labels.of(placed.specialty()), placed.site()));
            supervisor.setSupervisorRotationId(placed.id());
            site = null;
            startDate = null;
            endDate = null;
            page.load();
        });
    }

    public Specialty[] getSpecialties() {
        return Specialty.values();
    }

    public ClinicalSetting[] getSettings() {
        return ClinicalSetting.values();
    }

    public RotationKind[] getKinds() {
        return RotationKind.values();
    }

    public String getSite() {
        return site;
    }

    public void setSite(String site) {
        this.site = site;
    }

    public String getSpecialty() {
        return specialty;
    }

    public void setSpecialty(String specialty) {
        this.specialty = specialty;
    }

    public ClinicalSetting getSetting() {
        return setting;
    }

    public void setSetting(ClinicalSetting setting) {
        this.setting = setting;
    }

    public RotationKind getKind() {
        return kind;
    }

    public void setKind(RotationKind kind) {
        this.kind = kind;
    }

    public boolean isAcademic() {
        return academic;
    }

    public void setAcademic(boolean academic) {
        this.academic = academic;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }
}
