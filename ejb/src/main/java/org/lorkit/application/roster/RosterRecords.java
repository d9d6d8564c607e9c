package org.lorkit.application.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.attending.Attending;
import org.lorkit.domain.cohort.Cohort;
import org.lorkit.domain.rotation.Rotation;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.shared.FieldProblems;
import org.lorkit.domain.student.Student;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Students and rotations one at a time (the API), by the roster import's rules: each record is checked as a file's row
 * is ({@link RosterCsv#checkStudent}, {@link RosterCsv#checkRotation}), so the same things are refused with the same
 * words, under the record's field names instead of the file's columns. Everything wrong is reported at once
 * ({@link FieldProblems}); nothing is stored unless the record has no problem.
 */
@Stateless
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
public class RosterRecords {
    /** The file's columns under the API's field names. */
    static final Map<String, String> STUDENT_FIELDS = Map.of(RosterColumns.STUDENT_EMAIL, "email",
            RosterColumns.STUDENT_NAME, "fullName", RosterColumns.COHORT, "cohort", RosterColumns.MEDICAL_SCHOOL, "medicalSchool",
            RosterColumns.COUNTRY, "country", RosterColumns.TARGET_SPECIALTY, "targetSpecialties");
    static final Map<String, String> ROTATION_FIELDS = Map.of(RosterColumns.SITE, "site",
            RosterColumns.ROTATION_SPECIALTY, "specialty", RosterColumns.SETTING, "setting", RosterColumns.KIND, "kind",
            RosterColumns.ACADEMIC, "academic", RosterColumns.START_DATE, "startDate", RosterColumns.END_DATE, "endDate",
            RosterColumns.CONTACT_DAYS, "contactDays", RosterColumns.STUDENT_EMAIL, "studentId", RosterColumns.ATTENDING_EMAIL, "attendingId");
    private static final Pattern COLUMN = Pattern.compile("\\b[a-z]+(?:_[a-z]+)+\\b");

    @Inject
    org.lorkit.application.dashboard.StandingChanges standings;
    @Inject
    TenantData tenant;

    /** Enrols the student, as a roster row with a new email would. */
    public StudentView createStudent(@NotNull(message = "Send the student") StudentRecord record) {
        RosterPlan plan = RosterCsv.checkStudent(cells(record), directory(record.email(), null));
        List<FieldProblems.Problem> problems = problems(plan, STUDENT_FIELDS);
        if (!plan.reusedStudents().isEmpty()) {
            problems.add(new FieldProblems.Problem("email", "A student with email " + plan.reusedStudents().iterator().next()
                    + " is already enrolled"));
        }
        refuseIf(problems);
        RosterPlan.PlannedStudent planned = plan.newStudents().values().iterator().next();
        Student student = new Student(cohortOf(planned.cohortKey()), planned.fullName(), planned.email(), planned.targetSpecialties());
        student.describeBackground(planned.medicalSchool(), planned.country());
        tenant.em().persist(student);
        tenant.em().flush();
        return StudentView.of(student);
    }

    /**
     * Changes the student's name, school, country and target specialties, checked like a new row of theirs. The email is
     * who the student is, and a student belongs to one cohort: those two cannot change here.
     */
    public StudentView updateStudent(long studentId, @NotNull(message = "Send the student") StudentRecord record) {
        Student student = tenant.require(Student.class, studentId, "id");
        // What is not sent stays as it is: the email and cohort that cannot change, and so the check of the rest needs them.
        StudentRecord complete = new StudentRecord(record.cohort() == null ? student.getCohort().getName() : record.cohort(),
                record.fullName(), record.email() == null ? student.getEmail() : record.email(), record.medicalSchool(),
                record.country(), record.targetSpecialties());
        RosterPlan plan = RosterCsv.checkStudent(cells(complete), directory(null, null));
        List<FieldProblems.Problem> problems = problems(plan, STUDENT_FIELDS);
        if (record.email() != null && !record.email().strip().equalsIgnoreCase(student.getEmail())) {
            problems.add(new FieldProblems.Problem("email", "The student's email is who they are (" + student.getEmail()
                    + "); it cannot change"));
        }
        if (record.cohort() != null && !RosterDirectory.nameKey(record.cohort()).equals(RosterDirectory.nameKey(student.getCohort().getName()))) {
            problems.add(new FieldProblems.Problem("cohort", "The student " + student.getEmail() + " is in the cohort \""
                    + student.getCohort().getName() + "\"; a student belongs to one cohort."));
        }
        refuseIf(problems);
        RosterPlan.PlannedStudent planned = plan.newStudents().values().iterator().next();
        student.rename(planned.fullName());
        student.describeBackground(planned.medicalSchool(), planned.country());
        if (!planned.targetSpecialties().isEmpty()) {
            student.changeTargetSpecialties(planned.targetSpecialties());
            standings.student(student.getId()); // which letters are in a target specialty
        }
        tenant.em().flush();
        return StudentView.of(student);
    }

    /** Places the student on the rotation under the attending, as a roster row would. */
    public RotationView createRotation(@NotNull(message = "Send the rotation") RotationRecord record) {
        Student student = tenant.require(Student.class, record.studentId(), "studentId");
        Attending attending = tenant.require(Attending.class, record.attendingId(), "attendingId");
        RosterPlan plan = RosterCsv.checkRotation(cells(record), student.getEmail(), attending.getEmail(), rotationsOf(student));
        refuseIf(problems(plan, ROTATION_FIELDS));
        RosterPlan.PlannedRotation planned = plan.rotations().get(0);
        Rotation rotation = new Rotation(student, planned.site(), planned.specialty(), planned.setting(), planned.kind(),
                planned.academic(), planned.startDate(), planned.endDate());
        rotation.addSupervisor(attending, planned.contactDays());
        tenant.em().persist(rotation);
        standings.student(student.getId()); // the funnel's rotations
        tenant.em().flush();
        return RotationView.of(rotation, tenant.today(), tenant.agency().getRules());
    }

    /**
     * Corrects what the rotation is and when, checked like a row of it; its student and supervisors stay (the record's
     * studentId and attendingId, when sent, must be those). Contact days, when sent, check against the new dates.
     */
    public RotationView updateRotation(long rotationId, @NotNull(message = "Send the rotation") RotationRecord record) {
        Rotation rotation = tenant.require(Rotation.class, rotationId, "id");
        Map<String, String> cells = cells(record);
        if (record.contactDays() == null) {
            cells.put(RosterColumns.CONTACT_DAYS, "0");
        }
        // Checked against no stored rotation: a rotation is not a duplicate of itself.
        RosterPlan plan = RosterCsv.checkRotation(cells, rotation.getStudent().getEmail(), "any@lorkit.invalid", directory(null, null));
        List<FieldProblems.Problem> problems = problems(plan, ROTATION_FIELDS);
        if (record.studentId() != null && !record.studentId().equals(rotation.getStudent().getId())) {
            problems.add(new FieldProblems.Problem("studentId", "A rotation stays its student's; place the other student on a rotation of their own"));
        }
        refuseIf(problems);
        RosterPlan.PlannedRotation planned = plan.rotations().get(0);
        rotation.revise(planned.site(), planned.specialty(), planned.setting(), planned.kind(), planned.academic(),
                planned.startDate(), planned.endDate());
        standings.student(rotation.getStudent().getId()); // its end date decides the ask window, its specialty the goal
        tenant.em().flush();
        return RotationView.of(rotation, tenant.today(), tenant.agency().getRules());
    }

    private static Map<String, String> cells(StudentRecord record) {
        Map<String, String> cells = new HashMap<>();
        cells.put(RosterColumns.STUDENT_EMAIL, record.email());
        cells.put(RosterColumns.STUDENT_NAME, record.fullName());
        cells.put(RosterColumns.COHORT, record.cohort());
        cells.put(RosterColumns.MEDICAL_SCHOOL, record.medicalSchool());
        cells.put(RosterColumns.COUNTRY, record.country());
        cells.put(RosterColumns.TARGET_SPECIALTY, record.targetSpecialties() == null ? null
                : String.join(";", record.targetSpecialties().stream().map(t -> t == null ? "" : t).toList()));
        return cells;
    }

    private static Map<String, String> cells(RotationRecord record) {
        Map<String, String> cells = new HashMap<>();
        cells.put(RosterColumns.SITE, record.site());
        cells.put(RosterColumns.ROTATION_SPECIALTY, record.specialty());
        cells.put(RosterColumns.SETTING, record.setting());
        cells.put(RosterColumns.KIND, record.kind());
        cells.put(RosterColumns.ACADEMIC, record.academic() == null ? null : record.academic() ? "yes" : "no");
        cells.put(RosterColumns.START_DATE, record.startDate());
        cells.put(RosterColumns.END_DATE, record.endDate());
        cells.put(RosterColumns.CONTACT_DAYS, record.contactDays() == null ? null : record.contactDays().toString());
        return cells;
    }

    /** What the agency has that the check needs: its active cohorts, and the one student's name by email if it has them. */
    private RosterDirectory directory(String studentEmail, Student known) {
        Map<String, String> students = new HashMap<>();
        if (studentEmail != null && !studentEmail.isBlank()) {
            String email = studentEmail.strip().toLowerCase(java.util.Locale.ROOT);
            tenant.em().createNamedQuery("Student.findByEmail", Student.class).setParameter("email", email)
                    .getResultList().forEach(s -> students.put(s.getEmail(), s.getFullName()));
        }
        Set<String> rotations = new HashSet<>();
        if (known != null) {
            for (Object[] row : tenant.em().createNamedQuery("Supervision.rosterKeysOfStudent", Object[].class)
                    .setParameter("student", known).getResultList()) {
                rotations.add(RosterDirectory.rotationKey((String) row[0], (String) row[1], row[2], row[3], (String) row[4]));
            }
        }
        return RosterDirectory.of(tenant.em().createNamedQuery("Cohort.findActive", Cohort.class).getResultList(), students,
                Map.of(), rotations);
    }

    private RosterDirectory rotationsOf(Student student) {
        return directory(null, student);
    }

    private Cohort cohortOf(String cohortKey) {
        return tenant.em().createNamedQuery("Cohort.findActive", Cohort.class).getResultList().stream()
                .filter(c -> RosterDirectory.nameKey(c.getName()).equals(cohortKey)).findFirst()
                .orElseThrow(() -> new DomainException("cohort", "No active cohort is named \"" + cohortKey + "\"."));
    }

    /** The plan's problems under the record's field names, and the file's column names in their words renamed too. */
    static List<FieldProblems.Problem> problems(RosterPlan plan, Map<String, String> fields) {
        List<FieldProblems.Problem> problems = new ArrayList<>();
        for (RowProblem problem : plan.problems()) {
            String field = RosterCsv.WHOLE_ROW.equals(problem.column()) ? null : fields.getOrDefault(problem.column(), problem.column());
            problems.add(new FieldProblems.Problem(field, renamed(problem.message(), fields)));
        }
        return problems;
    }

    private static String renamed(String message, Map<String, String> fields) {
        Matcher columns = COLUMN.matcher(message);
        StringBuilder out = new StringBuilder();
        while (columns.find()) {
            columns.appendReplacement(out, Matcher.quoteReplacement(fields.getOrDefault(columns.group(), columns.group())));
        }
        columns.appendTail(out);
        return out.toString();
    }

    private static void refuseIf(List<FieldProblems.Problem> problems) {
        if (!problems.isEmpty()) {
            throw new FieldProblems(problems);
        }
    }
}
