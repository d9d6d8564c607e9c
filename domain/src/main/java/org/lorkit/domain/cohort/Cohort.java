package org.lorkit.domain.cohort;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.LocalDate;

/** A group of rotators of one agency for one match cycle, e.g. "IM - Match 2028". */
@Entity
@Table(name = "COHORT")
@NamedQuery(name = "Cohort.findActive", query = "select c from Cohort c where c.archived = false order by c.plannedSubmitOn, c.name")
@NamedQuery(name = "Cohort.findAllForList", query = "select c from Cohort c order by c.archived, c.matchYear desc, c.name")
public class Cohort extends TenantOwnedEntity {
    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "MATCH_YEAR", nullable = false)
    private int matchYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "TARGET_SPECIALTY", nullable = false, length = 40)
    private Specialty targetSpecialty;

    @Column(name = "ERAS_OPENS_ON")
    private LocalDate erasOpensOn;

    @Column(name = "PLANNED_SUBMIT_ON", nullable = false)
    private LocalDate plannedSubmitOn;

    @Column(name = "PROGRAMS_REVIEW_ON")
    private LocalDate programsReviewOn;

    @Column(nullable = false)
    private boolean archived;

    protected Cohort() {
    }

    public Cohort(String name, int matchYear, Specialty targetSpecialty, CycleDates dates) {
        describe(name, matchYear, targetSpecialty);
        reschedule(dates);
    }

    /** Renames the cohort, or moves it to another match year or target specialty. */
    public void describe(String name, int matchYear, Specialty targetSpecialty) {
        String checkedName = Require.text("name", name, 120);
        if (matchYear < 2000 || matchYear > 2100) {
            throw new DomainException("matchYear", "matchYear must be a year such as 2028, not " + matchYear);
        }
        this.targetSpecialty = Require.present("targetSpecialty", targetSpecialty);
        this.name = checkedName;
        this.matchYear = matchYear;
    }

    /** The match cycle's key dates: ERAS opens, the cohort's planned submit date, programs start reviewing. */
    public record CycleDates(LocalDate erasOpensOn, LocalDate plannedSubmitOn, LocalDate programsReviewOn) {
    }

    public void reschedule(CycleDates dates) {
        Require.present("dates", dates);
        Require.present("plannedSubmitOn", dates.plannedSubmitOn());
        if (dates.erasOpensOn() != null) {
            Require.notBefore("plannedSubmitOn", dates.plannedSubmitOn(), "erasOpensOn", dates.erasOpensOn());
        }
        if (dates.programsReviewOn() != null && dates.erasOpensOn() != null) {
            Require.notBefore("programsReviewOn", dates.programsReviewOn(), "erasOpensOn", dates.erasOpensOn());
        }
        this.erasOpensOn = dates.erasOpensOn();
        this.plannedSubmitOn = dates.plannedSubmitOn();
        this.programsReviewOn = dates.programsReviewOn();
    }

    /** Archived cohorts leave the dashboard and the lists; their students and letters stay. */
    public void archive() {
        this.archived = true;
    }

    public void restore() {
        this.archived = false;
    }

    public String getName() {
        return name;
    }

    public int getMatchYear() {
        return matchYear;
    }

    public Specialty getTargetSpecialty() {
        return targetSpecialty;
    }

    public LocalDate getErasOpensOn() {
        return erasOpensOn;
    }

    public LocalDate getPlannedSubmitOn() {
        return plannedSubmitOn;
    }

    public LocalDate getProgramsReviewOn() {
        return programsReviewOn;
    }

    public boolean isArchived() {
        return archived;
    }
}
