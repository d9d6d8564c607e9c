package org.lorkit.application.roster;

import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.RotationKind;
import org.lorkit.domain.shared.Specialty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A file read and checked: its problems, and (when it has none) what storing it would create. Values
 * are the ones the domain constructors accepted, already normalised (trimmed, emails in lower case).
 */
public final class RosterPlan {
    /** At most this many problems are kept for the page; the count says how many there are in all. */
    public static final int MAX_LISTED_PROBLEMS = 1_000;

    public record PlannedStudent(long line, String email, String fullName, String cohortKey, String medicalSchool,
                                 String country, List<Specialty> targetSpecialties) {
    }

    public record PlannedAttending(long line, String email, String fullName, AttendingTitle title, Specialty specialty,
                                   boolean usBased) {
    }

    public record PlannedRotation(long line, String studentEmail, String site, Specialty specialty, ClinicalSetting setting,
                                  RotationKind kind, boolean academic, LocalDate startDate, LocalDate endDate,
                                  String attendingEmail, int contactDays) {
    }

    private int rows;
    private int problemCount;
    /** The lines that have at least one problem (the header counts as line 1, like the problems'). */
    private final Set<Long> linesWithProblems = new java.util.HashSet<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private final Map<String, PlannedStudent> newStudents = new LinkedHashMap<>();
    private final Set<String> reusedStudents = new LinkedHashSet<>();
    private final Map<String, PlannedAttending> newAttendings = new LinkedHashMap<>();
    private final Set<String> reusedAttendings = new LinkedHashSet<>();
    private final List<PlannedRotation> rotations = new ArrayList<>();

    void countRow() {
        rows++;
    }

    void problem(long line, String column, String message) {
        problemCount++;
        linesWithProblems.add(line);
        if (problems.size() < MAX_LISTED_PROBLEMS) {
            problems.add(new RowProblem(line, column, message));
        }
    }

    void addNewStudent(PlannedStudent student) {
        newStudents.put(student.email(), student);
    }

    void reuseStudent(String email) {
        reusedStudents.add(email);
    }

    void addNewAttending(PlannedAttending attending) {
        newAttendings.put(attending.email(), attending);
    }

    void reuseAttending(String email) {
        reusedAttendings.add(email);
    }

    void addRotation(PlannedRotation rotation) {
        rotations.add(rotation);
    }

    public int rows() {
        return rows;
    }

    public boolean hasProblems() {
        return problemCount > 0;
    }

    public int problemCount() {
        return problemCount;
    }

    /**
     * How many of the file's rows have at least one problem (a problem that names an earlier row, such as a duplicate,
     * is the later row's); the other rows passed the check. (A file whose header is wrong is refused before any row.)
     */
    public int refusedRows() {
        return linesWithProblems.size();
    }

    /** The first {@link #MAX_LISTED_PROBLEMS} problems, in file order. */
    public List<RowProblem> problems() {
        return List.copyOf(problems);
    }

    public Map<String, PlannedStudent> newStudents() {
        return newStudents;
    }

    public Set<String> reusedStudents() {
        return reusedStudents;
    }

    public Map<String, PlannedAttending> newAttendings() {
        return newAttendings;
    }

    public Set<String> reusedAttendings() {
        return reusedAttendings;
    }

    public List<PlannedRotation> rotations() {
        return rotations;
    }
}
