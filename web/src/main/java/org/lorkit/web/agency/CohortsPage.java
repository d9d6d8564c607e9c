package org.lorkit.web.agency;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.cohort.NewCohort;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.web.support.Messages;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** Staff's cohorts: create one for a match cycle, change it, archive it (nothing is deleted), bring it back. */
@Named
@ViewScoped
public class CohortsPage implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private CohortService cohorts;

    private List<CohortView> all = List.of();
    /** The cohort being edited, or null for a new one. */
    private Long editing;
    private String name;
    private Integer matchYear;
    private String targetSpecialty = Specialty.INTERNAL_MEDICINE.name();
    private LocalDate erasOpensOn;
    private LocalDate plannedSubmitOn;
    private LocalDate programsReviewOn;

    public void load() {
        all = cohorts.listAll();
        if (matchYear == null) {
            matchYear = cohorts.proposedMatchYear();
        }
    }

    public void edit(CohortView cohort) {
        editing = cohort.id();
        name = cohort.name();
        matchYear = cohort.matchYear();
        targetSpecialty = cohort.targetSpecialty().name();
        erasOpensOn = cohort.erasOpensOn();
        plannedSubmitOn = cohort.plannedSubmitOn();
        programsReviewOn = cohort.programsReviewOn();
    }

    public void startNew() {
        editing = null;
        name = null;
        erasOpensOn = null;
        plannedSubmitOn = null;
        programsReviewOn = null;
    }

    public void save() {
        Messages.attempt("cohort-form", () -> {
            NewCohort cohort = new NewCohort(name, matchYear == null ? 0 : matchYear, targetSpecialty, erasOpensOn, plannedSubmitOn, programsReviewOn);
            CohortView saved = editing == null ? cohorts.create(cohort) : cohorts.update(editing, cohort);
            Messages.info(editing == null ? Messages.text("cohorts.created", saved.name()) : Messages.text("cohorts.saved", saved.name()));
            startNew();
            load();
        });
    }

    public void archive(CohortView cohort, boolean archived) {
        Messages.attempt("cohorts-form", () -> {
            cohorts.archive(cohort.id(), archived);
            Messages.info(archived ? Messages.text("cohorts.archived.done", cohort.name()) : Messages.text("cohorts.restored", cohort.name()));
            if (cohort.id() == (editing == null ? -1 : editing)) {
                startNew();
            }
            load();
        });
    }

    public Specialty[] getSpecialties() {
        return Specialty.values();
    }

    public List<CohortView> getAll() {
        return all;
    }

    public Long getEditing() {
        return editing;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getMatchYear() {
        return matchYear;
    }

    public void setMatchYear(Integer matchYear) {
        this.matchYear = matchYear;
    }

    public String getTargetSpecialty() {
        return targetSpecialty;
    }

    public void setTargetSpecialty(String targetSpecialty) {
        this.targetSpecialty = targetSpecialty;
    }

    public LocalDate getErasOpensOn() {
        return erasOpensOn;
    }

    public void setErasOpensOn(LocalDate erasOpensOn) {
        this.erasOpensOn = erasOpensOn;
    }

    public LocalDate getPlannedSubmitOn() {
        return plannedSubmitOn;
    }

    public void setPlannedSubmitOn(LocalDate plannedSubmitOn) {
        this.plannedSubmitOn = plannedSubmitOn;
    }

    public LocalDate getProgramsReviewOn() {
        return programsReviewOn;
    }

    public void setProgramsReviewOn(LocalDate programsReviewOn) {
        this.programsReviewOn = programsReviewOn;
    }
}
