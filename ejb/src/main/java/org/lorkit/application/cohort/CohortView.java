package org.lorkit.application.cohort;

import java.io.Serializable;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.shared.Specialty;

import java.time.LocalDate;

public record CohortView(long id, String name, int matchYear, Specialty targetSpecialty, LocalDate erasOpensOn,
                         LocalDate plannedSubmitOn, LocalDate programsReviewOn, boolean archived) implements Serializable {
    static CohortView of(Cohort c) {
        return new CohortView(c.getId(), c.getName(), c.getMatchYear(), c.getTargetSpecialty(), c.getErasOpensOn(),
                c.getPlannedSubmitOn(), c.getProgramsReviewOn(), c.isArchived());
    }

    public String targetSpecialtyLabel() {
        return targetSpecialty.label();
    }
}
