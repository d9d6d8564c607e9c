package org.lorkit.domain.rotation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.shared.TenantOwnedEntity;
import org.lorkit.domain.student.Student;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A placement of one student at one site, for a few weeks, under one or more attendings. */
@Entity
@Table(name = "ROTATION")
@NamedQuery(name = "Rotation.findByStudent", query = "select r from Rotation r where r.student = :student order by r.startDate")
@NamedQuery(name = "Rotation.findByStudentWithSupervisors", query = "select distinct r from Rotation r left join fetch r.supervisions s "
        + "left join fetch s.attending where r.student = :student order by r.startDate")
/*
 * The rotations whose ideal window to ask contains today and whose student has had no ask-window email about them yet,
 * with a supervisor the student may not have asked (every request to them only planned or withdrawn): what the
 * ask-window sweep reads. It narrows; AskWindowReminder decides.
 */
@NamedQuery(name = "Rotation.mayBeDueForAskWindowEmail", query = "select r.id from Rotation r where r.startDate <= :today "
        + "and r.endDate >= :today and r.endDate <= :lastEnd "
        + "and not exists (select o from OutboxEmail o where o.rotationId = r.id and o.kind = :kind) "
        + "and exists (select s from Supervision s where s.rotation = r and not exists (select l from LetterRequest l "
        + "where l.student = r.student and l.attending = s.attending and l.state not in :notAsked)) order by r.id")
@NamedQuery(name = "Rotation.findByIdsWithStudent", query = "select r from Rotation r join fetch r.student where r.id in :ids order by r.id")
@NamedQuery(name = "Rotation.endingFrom", query = "select r from Rotation r join fetch r.student where r.endDate >= :from order by r.endDate")
@NamedQuery(name = "Rotation.all", query = "select r from Rotation r join fetch r.student order by r.id")
@NamedQuery(name = "Rotation.count", query = "select count(r) from Rotation r")
public class Rotation extends TenantOwnedEntity {
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "STUDENT_ID")
    private Student student;

    @Column(nullable = false, length = 200)
    private String site;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Specialty specialty;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ClinicalSetting setting;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RotationKind kind;

    @Column(name = "ACADEMIC_AFFILIATED", nullable = false)
    private boolean academicAffiliated;

    @Column(name = "START_DATE", nullable = false)
    private LocalDate startDate;

    @Column(name = "END_DATE", nullable = false)
    private LocalDate endDate;

    @OneToMany(mappedBy = "rotation", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Supervision> supervisions = new ArrayList<>();

    protected Rotation() {
    }

    public Rotation(Student student, String site, Specialty specialty, ClinicalSetting setting, RotationKind kind,
                    boolean academicAffiliated, LocalDate startDate, LocalDate endDate) {
        this.student = Require.present("student", student);
        describe(site, specialty, setting, kind, academicAffiliated, startDate, endDate);
    }

    /**
     * Corrects what the rotation is and when, by the same rules as a new one; a supervisor's contact days must still fit
     * in its length. Letters already asked for keep the specialty they were asked with.
     */
    public void revise(String site, Specialty specialty, ClinicalSetting setting, RotationKind kind,
                       boolean academicAffiliated, LocalDate startDate, LocalDate endDate) {
        if (startDate != null && endDate != null && !endDate.isBefore(startDate)) {
            long length = ChronoUnit.DAYS.between(startDate, endDate) + 1;
            for (Supervision supervision : supervisions) {
                if (supervision.getContactDays() > length) {
                    throw new DomainException("endDate", supervision.getAttending().getFullName() + " has "
                            + supervision.getContactDays() + " contact days here, more than the " + length
                            + " days from startDate to endDate");
                }
            }
        }
        describe(site, specialty, setting, kind, academicAffiliated, startDate, endDate);
    }

    private void describe(String site, Specialty specialty, ClinicalSetting setting, RotationKind kind,
                          boolean academicAffiliated, LocalDate startDate, LocalDate endDate) {
        String checkedSite = Require.text("site", site, 200);
        Require.present("specialty", specialty);
        Require.present("setting", setting);
        Require.present("kind", kind);
        Require.present("startDate", startDate);
        Require.present("endDate", endDate);
        Require.notBefore("endDate", endDate, "startDate", startDate);
        if (ChronoUnit.DAYS.between(startDate, endDate) > 366) {
            throw new DomainException("endDate", "A rotation lasts weeks, not more than a year");
        }
        this.site = checkedSite;
        this.specialty = specialty;
        this.setting = setting;
        this.kind = kind;
        this.academicAffiliated = academicAffiliated;
        this.startDate = startDate;
        this.endDate = endDate;
    }

    /** Records that the attending supervised the student here, for that many days of real contact. */
    public Supervision addSupervisor(Attending attending, int contactDays) {
        Require.present("attending", attending);
        if (supervisorFor(attending).isPresent()) {
            throw new DomainException("attending", attending.getFullName() + " already supervises this rotation");
        }
        if (contactDays < 0 || contactDays > lengthInDays()) {
            throw new DomainException("contactDays", "Contact days must be between 0 and the rotation's "
                    + lengthInDays() + " days, not " + contactDays);
        }
        Supervision supervision = new Supervision(this, attending, contactDays);
        supervisions.add(supervision);
        return supervision;
    }

    public Optional<Supervision> supervisorFor(Attending attending) {
        return supervisions.stream().filter(s -> s.getAttending().equals(attending)).findFirst();
    }

    public long lengthInDays() {
        return ChronoUnit.DAYS.between(startDate, endDate) + 1;
    }

    public AskWindow askWindow(LocalDate today, org.lorkit.domain.agency.AgencyRules rules) {
        return AskWindow.of(startDate, endDate, today, rules);
    }

    public Student getStudent() {
        return student;
    }

    public String getSite() {
        return site;
    }

    public Specialty getSpecialty() {
        return specialty;
    }

    public ClinicalSetting getSetting() {
        return setting;
    }

    public RotationKind getKind() {
        return kind;
    }

    public boolean isAcademicAffiliated() {
        return academicAffiliated;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public List<Supervision> getSupervisions() {
        return List.copyOf(supervisions);
    }
}
