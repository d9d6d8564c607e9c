package org.lorkit.domain.student;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.shared.Dates;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.Require;
import org.lorkit.domain.shared.Specialty;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** An international medical graduate placed by the agency, member of one cohort. */
@Entity
@Table(name = "STUDENT")
@NamedQuery(name = "Student.findByCohort", query = "select s from Student s where s.cohort = :cohort order by s.fullName")
@NamedQuery(name = "Student.findByEmail", query = "select s from Student s where s.email = :email")
@NamedQuery(name = "Student.emailsAndNames", query = "select s.email, s.fullName from Student s")
@NamedQuery(name = "Student.countByCohort", query = "select s.cohort.id, count(s) from Student s group by s.cohort.id")
@NamedQuery(name = "Student.idsByEmail", query = "select s.email, s.id from Student s")
@NamedQuery(name = "Student.findByIds", query = "select s from Student s where s.id in :ids")
@NamedQuery(name = "Student.all", query = "select s from Student s order by s.id")
@NamedQuery(name = "Student.count", query = "select count(s) from Student s")
public class Student extends TenantOwnedEntity {
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "COHORT_ID")
    private Cohort cohort;

    @Column(name = "FULL_NAME", nullable = false, length = 200)
    private String fullName;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "MEDICAL_SCHOOL", length = 200)
    private String medicalSchool;

    @Column(length = 100)
    private String country;

    @Column(name = "ERAS_AAMC_ID", length = 8)
    private String erasAamcId;

    @Column(name = "NRMP_ID", length = 20)
    private String nrmpId;

    /** The student's phone, optional: the kit email's signature carries it (with the email), as the guide's template does. */
    @Column(name = "PHONE", length = PHONE_MAX)
    private String phone;

    /** How long a phone number may be as typed (with spaces, brackets, an extension). */
    public static final int PHONE_MAX = 30;

    /** The student's own submit date, when it differs from the cohort's. */
    @Column(name = "PLANNED_SUBMIT_ON")
    private LocalDate plannedSubmitOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "STUDENT_TARGET_SPECIALTY", joinColumns = @JoinColumn(name = "STUDENT_ID"))
    @Enumerated(EnumType.STRING)
    @Column(name = "SPECIALTY", nullable = false, length = 40)
    @OrderColumn(name = "PREFERENCE")
    private List<Specialty> targetSpecialties = new ArrayList<>();

    /**
     * The Keycloak user id of the login LorKit created for this student, if any. Erasure removes this login only,
     * never whatever login merely has the same email.
     */
    @Column(name = "LOGIN_ID", length = 64)
    private String loginId;

    protected Student() {
    }

    /** LorKit created this login for the student (an invitation). */
    public void linkLogin(String keycloakUserId) {
        this.loginId = Require.text("loginId", keycloakUserId, 64);
    }

    public java.util.Optional<String> getLoginId() {
        return java.util.Optional.ofNullable(loginId);
    }

    public Student(Cohort cohort, String fullName, String email, List<Specialty> targetSpecialties) {
        this.cohort = Require.present("cohort", cohort);
        this.fullName = Require.line("fullName", fullName, 200);
        this.email = Require.email("email", email);
        changeTargetSpecialties(targetSpecialties == null || targetSpecialties.isEmpty()
                ? List.of(cohort.getTargetSpecialty()) : targetSpecialties);
    }

    /** Corrects the student's name as the agency has it (a typo, a name changed); the email stays who they are. */
    public void rename(String fullName) {
        this.fullName = Require.line("fullName", fullName, 200);
    }

    public void describeBackground(String medicalSchool, String country) {
        this.medicalSchool = Require.optionalText("medicalSchool", medicalSchool, 200);
        this.country = Require.optionalText("country", country, 100);
    }

    /** ERAS AAMC IDs are 8 digits; the NRMP id is optional. */
    public void recordErasIds(String erasAamcId, String nrmpId) {
        String eras = Require.optionalText("erasAamcId", erasAamcId, 20);
        if (eras != null && !eras.matches("\\d{8}")) {
            throw new DomainException("erasAamcId", "An ERAS AAMC ID is 8 digits, not \"" + erasAamcId + "\"");
        }
        String nrmp = Require.optionalText("nrmpId", nrmpId, 20);
        if (nrmp != null && !nrmp.matches("[A-Za-z0-9-]{4,20}")) {
            throw new DomainException("nrmpId", "An NRMP ID holds letters and digits only, not \"" + nrmpId + "\"");
        }
        this.erasAamcId = eras;
        this.nrmpId = nrmp;
    }

    /** Most wanted first; each named once. The first is the specialty letters speak to by default. */
    public void changeTargetSpecialties(List<Specialty> specialties) {
        if (specialties == null || specialties.isEmpty() || specialties.stream().anyMatch(java.util.Objects::isNull)) {
            throw new DomainException("targetSpecialties", "At least one target specialty is required");
        }
        this.targetSpecialties.clear();
        this.targetSpecialties.addAll(new LinkedHashSet<>(specialties));
    }

    /**
     * The student's phone for the kit email's signature, checked loosely: blank clears it; otherwise, as typed (at most
     * {@value #PHONE_MAX} characters), 7 to 15 digits with +, spaces, dashes, dots, slashes or brackets between them,
     * and an optional extension ("ext. 12", "x12").
     */
    public void changePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            this.phone = null;
            return;
        }
        String typed = phone.strip().replaceAll("\\s+", " ");
        String number = typed.replaceFirst("(?i)\\s*(ext\\.?|x)\\s*\\d{1,6}$", "");
        long digits = number.chars().filter(Character::isDigit).count();
        if (typed.length() > PHONE_MAX || !number.matches("\\+?[0-9 ().\\-/]+") || digits < 7 || digits > 15) {
            throw new DomainException("phone", "A phone number has 7 to 15 digits, with +, spaces, dashes or brackets if you like "
                    + "(for example +1 312 555 0188), not \"" + phone.strip() + "\"");
        }
        this.phone = typed;
    }

    public String getPhone() {
        return phone;
    }

    /**
     * The student's own planned certify/submit date, or null for the cohort's. Not in the past, not before ERAS opens
     * to applicants (when the cohort knows that day), and within the cohort's application season: by 31 December of
     * the year before its match. The cohort's own date is kept as "the cohort's", so that it follows a change of it.
     */
    public void planSubmission(LocalDate plannedSubmitOn, LocalDate today) {
        Require.present("today", today);
        if (plannedSubmitOn == null || plannedSubmitOn.equals(cohort.getPlannedSubmitOn())) {
            this.plannedSubmitOn = null;
            return;
        }
        if (plannedSubmitOn.isBefore(today)) {
            throw new DomainException("plannedSubmitOn", "The submit date cannot be in the past: choose " + Dates.day(today) + " or later");
        }
        LocalDate opens = cohort.getErasOpensOn();
        if (opens != null && plannedSubmitOn.isBefore(opens)) {
            throw new DomainException("plannedSubmitOn", "ERAS opens to applicants on " + Dates.day(opens)
                    + ": choose that day or later");
        }
        LocalDate seasonEnds = latestPlannedSubmitOn();
        if (plannedSubmitOn.isAfter(seasonEnds)) {
            throw new DomainException("plannedSubmitOn", "That is after the application season of " + cohort.getName()
                    + ": choose " + Dates.day(seasonEnds) + " or earlier");
        }
        this.plannedSubmitOn = plannedSubmitOn;
    }

    /** The last day a student of this cohort may plan to submit: 31 December before the match year. */
    public LocalDate latestPlannedSubmitOn() {
        return LocalDate.of(cohort.getMatchYear() - 1, 12, 31);
    }

    /** The first day a student may plan to submit: today, or the day ERAS opens to applicants if that is later. */
    public LocalDate earliestPlannedSubmitOn(LocalDate today) {
        LocalDate opens = cohort.getErasOpensOn();
        return opens != null && opens.isAfter(today) ? opens : today;
    }

    /** The date the student plans to certify and submit ERAS: their own, else the cohort's. */
    public LocalDate effectivePlannedSubmitOn() {
        return plannedSubmitOn != null ? plannedSubmitOn : cohort.getPlannedSubmitOn();
    }

    public Cohort getCohort() {
        return cohort;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public String getMedicalSchool() {
        return medicalSchool;
    }

    public String getCountry() {
        return country;
    }

    public String getErasAamcId() {
        return erasAamcId;
    }

    public String getNrmpId() {
        return nrmpId;
    }

    public LocalDate getPlannedSubmitOn() {
        return plannedSubmitOn;
    }

    public List<Specialty> getTargetSpecialties() {
        return List.copyOf(targetSpecialties);
    }

    public Specialty primaryTargetSpecialty() {
        return targetSpecialties.get(0);
    }
}
