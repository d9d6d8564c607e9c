package org.lorkit.it.roster;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lorkit.application.Roles;
import org.lorkit.application.advice.FeedbackService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.kit.WorkLogService;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentErasureService;
import org.lorkit.application.roster.ImportState;
import org.lorkit.application.roster.RosterColumns;
import org.lorkit.application.roster.RosterPreview;
import org.lorkit.application.student.NewStudent;
import org.lorkit.application.student.StudentService;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.worklog.WorkLogKind;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.RosterRows;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.KeycloakRealm;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A student asks to be forgotten: staff erase them, and nothing about them is left in any table (their ids in no
 * id column, their name and email in no text column of their agency) nor in Keycloak; only an anonymous record
 * that an erasure happened. Another student of the same agency keeps everything.
 */
class ErasureIT extends InsideLorKit {
    @Inject
    KitService kits;
    @Inject
    OutboxSender sender;
    @Inject
    WorkLogService worklog;
    @Inject
    FeedbackService feedback;
    @Inject
    CompletionDashboard dashboard;
    @Inject
    StudentErasureService erasure;
    @Inject
    StudentService students;
    @Inject
    KeycloakDirectory keycloak;
    @Inject
    org.lorkit.application.provisioning.ProvisioningService provisioning;
    @Inject
    org.lorkit.application.roster.RosterImportService roster;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    @Test
    void an_erased_student_leaves_nothing_behind_but_an_anonymous_record() throws Exception {
        long agency = fixtures.agency().id();
        String slug = agencySlug(agency);
        Object[] made = new Object[5];
        as.staff(agency, () -> {
            CohortView cohort = fixtures.cohort();
            // Invited through LorKit, which keeps the login's id: erasure removes that login.
            made[0] = provisioning.inviteStudent(new NewStudent(cohort.id(), "Amara Okafor", Identities.OWNER_STUDENT,
                    "University of Lagos", "Nigeria", "14029381", List.of("Internal Medicine")));
            made[1] = fixtures.attending("Internal Medicine");
            made[2] = fixtures.rotation((StudentView) made[0], (AttendingView) made[1], 24);
            made[3] = students.enroll(new NewStudent(cohort.id(), "Luis Ortega", Fixtures.unique("luis") + "@student.example",
                    null, null, null, List.of("Internal Medicine"))); // a classmate, who keeps everything
            made[4] = fixtures.rotation((StudentView) made[3], (AttendingView) made[1], 20);
            return null;
        });
        StudentView student = (StudentView) made[0];
        StudentView classmate = (StudentView) made[3];
        RotationView rotation = (RotationView) made[2];
        AttendingView attending = (AttendingView) made[1];
        String organization = keycloak.organizationId(slug).orElseThrow();

        // Everything a student leaves: documents, work log, bullets, a feedback check, a request through a sent kit
        // (events, outbox rows, minted links), a nudge and a note from staff.
        long request = fixtures.readyKit(agency, student, attending, rotation);
        as.ownerStudent(agency, () -> {
            worklog.add(rotation.id(), LocalDate.of(2026, 10, 5), WorkLogKind.PRESENTATION, "Presented a case of endocarditis");
            feedback.record(rotation.id(), attending.id(), "You're doing great, keep this up.", Set.of());
            kits.pdf(request); // the combined kit, kept for later downloads (kit_pdf)
            return kits.send(request);
        });
        sender.sendDue();
        as.staff(agency, () -> {
            dashboard.nudge(student.id(), "Please open LorKit.");
            dashboard.addNote(student.id(), "Called Amara about her statement.");
            return null;
        });
        Set<Long> ids = ids(agency, student.id());
        assertThat(ids).as("the student's rows before").hasSizeGreaterThan(8);
        assertThat(traces(agency, ids, student.email(), "Amara Okafor")).as("found before the erasure").isNotEmpty();

        assertThatThrownBy(() -> as.staff(agency, () -> erasure.erase(student.id(), classmate.email())))
                .as("another student's email erases nothing").isInstanceOf(DomainException.class).hasMessageContaining("Type the student's email");
        assertThat(ids(agency, student.id())).as("nothing erased after a wrong confirmation").isEqualTo(ids);

        StudentErasureService.Receipt receipt = as.staff(agency, () -> erasure.erase(student.id(), student.email().toUpperCase(Locale.ROOT)));

        assertThat(receipt.loginRemoved()).isTrue();
        assertThat(receipt.rowsRemoved()).isGreaterThanOrEqualTo(ids.size());
        assertThat(traces(agency, ids, student.email(), "Amara Okafor")).as("anything left of the student").isEmpty();
        assertThat(keycloak.memberByEmail(organization, student.email())).as("the student's login").isEmpty();
        assertThat(as.staff(agency, () -> students.find(classmate.id()))).as("the classmate").isPresent();
        assertThat(ids(agency, classmate.id())).as("the classmate's rotation").contains(((RotationView) made[4]).id());
        try (Connection db = dataSource.getConnection();
             PreparedStatement record = db.prepareStatement("SELECT erased_by, rows_removed, login_removed FROM erasure_record WHERE agency_id = ?")) {
            record.setLong(1, agency);
            try (ResultSet rows = record.executeQuery()) {
                assertThat(rows.next()).as("the erasure record").isTrue();
                assertThat(rows.getString(1)).isEqualTo("staff@agency.example");
                assertThat(rows.getInt(2)).isEqualTo(receipt.rowsRemoved());
                assertThat(rows.getBoolean(3)).isTrue();
            }
        }
    }

    /**
     * Erasure removes the login LorKit made for the student, never one that merely has the student's email: staff who
     * import a roster row with the agency admin's email and then erase that "student" leave the admin's login alone.
     */
    @Test
    void erasing_a_student_imported_with_the_admins_email_leaves_the_admin_signing_in() throws Exception {
        long agency = fixtures.agency().id();
        String organization = keycloak.organizationId(agencySlug(agency)).orElseThrow();
        String adminEmail = Fixtures.unique("admin") + "@agency.example";
        keycloak.invite(organization, adminEmail, "Ada", "Admin", Roles.AGENCY_ADMIN);
        KeycloakRealm.giveDemoPassword(adminEmail);
        CohortView cohort = as.staff(agency, () -> fixtures.cohort());

        String row = RosterRows.with(RosterRows.row(cohort.name(), "erasure-", 1, 0, 1), RosterColumns.STUDENT_EMAIL, adminEmail);
        RosterPreview preview = as.staff(agency, () -> roster.preview(RosterRows.csv(List.of(row))));
        assertThat(preview.problems()).isEmpty();
        as.staff(agency, () -> roster.confirm(preview.importId()));
        assertThat(RosterRows.awaitFinished(as, roster, agency, preview.importId(), Duration.ofMinutes(1)).state())
                .isEqualTo(ImportState.DONE);
        as.staff(agency, () -> roster.invite(preview.importId()));
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (as.staff(agency, () -> roster.progress(preview.importId())).invitationsRunning()) {
            assertThat(System.nanoTime()).as("the invitations finished within a minute").isLessThan(until);
            Thread.sleep(200);
        }
        StudentView imported = as.staff(agency, () -> students.listByCohort(cohort.id())).stream()
                .filter(s -> s.email().equals(adminEmail)).findFirst().orElseThrow();

        StudentErasureService.Receipt receipt = as.staff(agency, () -> erasure.erase(imported.id(), adminEmail));

        assertThat(receipt.loginRemoved()).as("no login of LorKit's making to remove").isFalse();
        assertThat(keycloak.memberByEmail(organization, adminEmail)).as("the admin's login").isPresent();
        assertThat(KeycloakRealm.loginToken(adminEmail)).as("the admin still signs in").isNotBlank();
        assertThat(as.staff(agency, () -> students.find(imported.id()))).as("the imported row is erased").isEmpty();
    }

    /**
     * A student's login LorKit did not make (invited in Keycloak before LorKit kept login ids) is found in the agency by
     * email and removed, because it is only a student's; one that is a student's and also staff's is kept.
     */
    @Test
    void a_login_found_by_email_goes_only_while_it_is_only_a_students() throws Exception {
        long agency = fixtures.agency().id();
        String organization = keycloak.organizationId(agencySlug(agency)).orElseThrow();
        CohortView cohort = as.staff(agency, () -> fixtures.cohort());
        StudentView onlyStudent = as.staff(agency, () -> fixtures.student(cohort));
        StudentView alsoStaff = as.staff(agency, () -> fixtures.student(cohort));
        keycloak.invite(organization, onlyStudent.email(), "Amara", "Okafor", Roles.STUDENT);
        keycloak.invite(organization, alsoStaff.email(), "Amara", "Okafor", Roles.STUDENT);
        KeycloakRealm.addRealmRole(alsoStaff.email(), Roles.AGENCY_STAFF);

        assertThat(as.staff(agency, () -> erasure.erase(onlyStudent.id(), onlyStudent.email())).loginRemoved()).isTrue();
        assertThat(keycloak.memberByEmail(organization, onlyStudent.email())).as("the student-only login").isEmpty();

        assertThat(as.staff(agency, () -> erasure.erase(alsoStaff.id(), alsoStaff.email())).loginRemoved()).isFalse();
        assertThat(keycloak.memberByEmail(organization, alsoStaff.email())).as("the login that is staff's too").isPresent();
    }

    private String agencySlug(long agency) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement slug = db.prepareStatement("SELECT slug FROM agency WHERE id = ?")) {
            slug.setLong(1, agency);
            try (ResultSet rows = slug.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    /** The ids of every row that is the student's or hangs off them (ids come from one sequence: unique across tables). */
    private Set<Long> ids(long agency, long student) throws SQLException {
        Set<Long> ids = new HashSet<>(List.of(student));
        String[] owned = {
                "SELECT id FROM rotation WHERE agency_id = ? AND student_id = ?",
                "SELECT id FROM letter_request WHERE agency_id = ? AND student_id = ?",
                "SELECT id FROM student_document WHERE agency_id = ? AND student_id = ?",
                "SELECT id FROM student_note WHERE agency_id = ? AND student_id = ?",
                "SELECT id FROM outbox_email WHERE agency_id = ? AND student_id = ?",
                "SELECT e.id FROM letter_request_event e JOIN letter_request r ON r.id = e.letter_request_id WHERE r.agency_id = ? AND r.student_id = ?",
                "SELECT o.id FROM outbox_email o JOIN letter_request r ON r.id = o.letter_request_id WHERE r.agency_id = ? AND r.student_id = ?",
                "SELECT l.id FROM attending_link l JOIN letter_request r ON r.id = l.letter_request_id WHERE r.agency_id = ? AND r.student_id = ?",
                "SELECT w.id FROM work_log_entry w JOIN rotation ro ON ro.id = w.rotation_id WHERE ro.agency_id = ? AND ro.student_id = ?",
                "SELECT b.id FROM summary_bullet b JOIN rotation ro ON ro.id = b.rotation_id WHERE ro.agency_id = ? AND ro.student_id = ?",
                "SELECT f.id FROM feedback_check f JOIN rotation ro ON ro.id = f.rotation_id WHERE ro.agency_id = ? AND ro.student_id = ?",
                "SELECT s.id FROM supervision s JOIN rotation ro ON ro.id = s.rotation_id WHERE ro.agency_id = ? AND ro.student_id = ?"};
        try (Connection db = dataSource.getConnection()) {
            for (String sql : owned) {
                try (PreparedStatement select = db.prepareStatement(sql)) {
                    select.setLong(1, agency);
                    select.setLong(2, student);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                        }
                    }
                }
            }
        }
        return ids;
    }

    /**
     * Every table of the schema, every column: an id column holding one of the ids, or a text column of the
     * agency's rows holding the email or the name. Answers "table.column" for each hit.
     */
    private List<String> traces(long agency, Set<Long> ids, String email, String name) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection db = dataSource.getConnection()) {
            DatabaseMetaData meta = db.getMetaData();
            String schema = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? "public" : "PUBLIC";
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rows = meta.getColumns(null, schema, "%", "%")) {
                while (rows.next()) {
                    columns.add(new String[]{rows.getString("TABLE_NAME"), rows.getString("COLUMN_NAME"), rows.getString("TYPE_NAME")});
                }
            }
            Set<String> tablesWithAgency = new HashSet<>();
            columns.stream().filter(c -> c[1].equalsIgnoreCase("agency_id")).forEach(c -> tablesWithAgency.add(c[0]));
            for (String[] column : columns) {
                String table = column[0];
                String col = column[1];
                String type = column[2].toLowerCase(Locale.ROOT);
                if (table.toLowerCase(Locale.ROOT).startsWith("flyway")) {
                    continue;
                }
                String sql = null;
                if (type.contains("int") && (col.equalsIgnoreCase("id") || col.toLowerCase(Locale.ROOT).endsWith("_id"))) {
                    sql = "SELECT COUNT(*) FROM " + table + " WHERE " + col + " IN (" + String.join(",", ids.stream().map(String::valueOf).toList()) + ")";
                } else if ((type.contains("char") || type.contains("text") || type.contains("clob")) && tablesWithAgency.contains(table)) {
                    sql = "SELECT COUNT(*) FROM " + table + " WHERE agency_id = " + agency + " AND (LOWER(" + col + ") LIKE '%"
                            + email.toLowerCase(Locale.ROOT) + "%' OR LOWER(" + col + ") LIKE '%" + name.toLowerCase(Locale.ROOT) + "%')";
                }
                if (sql != null) {
                    try (PreparedStatement count = db.prepareStatement(sql); ResultSet rows = count.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            hits.add(table + "." + col);
                        }
                    }
                }
            }
        }
        return hits;
    }
}
