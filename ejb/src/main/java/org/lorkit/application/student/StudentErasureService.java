package org.lorkit.application.student;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.lorkit.application.Actor;
import org.lorkit.application.Roles;
import org.lorkit.application.TenantData;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.student.ErasureRecord;
import org.lorkit.domain.student.Student;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Erases a student on request: their login, documents, work log, rotations, letter requests with their
 * history, links, emails and webhook events, and staff's notes, all in one transaction. What stays is an anonymous
 * {@link ErasureRecord}. Attendings stay: they belong to the agency's directory, not to the student.
 */
@Stateless
@RolesAllowed({Roles.AGENCY_STAFF, Roles.AGENCY_ADMIN})
public class StudentErasureService {
    private static final Logger LOG = Logger.getLogger(StudentErasureService.class.getName());

    /**
     * Children before parents. Native SQL, so every statement names the agency itself ({a}); {s} is the student.
     * The requests' and rotations' own rows are found through the student, inside the same agency.
     */
    private static final String REQUESTS = "SELECT id FROM letter_request WHERE agency_id = {a} AND student_id = {s}";
    private static final String ROTATIONS = "SELECT id FROM rotation WHERE agency_id = {a} AND student_id = {s}";
    private static final String DOCUMENTS = "SELECT id FROM student_document WHERE agency_id = {a} AND student_id = {s}";
    private static final List<String> DELETES = List.of(
            "DELETE FROM attending_link WHERE agency_id = {a} AND letter_request_id IN (" + REQUESTS + ")",
            "DELETE FROM delivery_event WHERE agency_id = {a} AND outbox_email_id IN (SELECT id FROM outbox_email WHERE agency_id = {a} "
                    + "AND (student_id = {s} OR letter_request_id IN (" + REQUESTS + ")))",
            "DELETE FROM outbox_email WHERE agency_id = {a} AND (student_id = {s} OR letter_request_id IN (" + REQUESTS + "))",
            "DELETE FROM kit_pdf WHERE agency_id = {a} AND letter_request_id IN (" + REQUESTS + ")",
            // Webhook events about the student (ids and states only), sent or still waiting: not sent after the erasure.
            "DELETE FROM webhook_delivery WHERE agency_id = {a} AND (student_id = {s} OR letter_request_id IN (" + REQUESTS + "))",
            "DELETE FROM letter_request_event WHERE agency_id = {a} AND letter_request_id IN (" + REQUESTS + ")",
            "DELETE FROM letter_request WHERE agency_id = {a} AND student_id = {s}",
            "DELETE FROM summary_bullet WHERE agency_id = {a} AND rotation_id IN (" + ROTATIONS + ")",
            "DELETE FROM work_log_entry WHERE agency_id = {a} AND rotation_id IN (" + ROTATIONS + ")",
            "DELETE FROM feedback_check WHERE agency_id = {a} AND rotation_id IN (" + ROTATIONS + ")",
            "DELETE FROM supervision WHERE agency_id = {a} AND rotation_id IN (" + ROTATIONS + ")",
            "DELETE FROM rotation WHERE agency_id = {a} AND student_id = {s}",
            "DELETE FROM document_content WHERE agency_id = {a} AND document_id IN (" + DOCUMENTS + ")",
            "DELETE FROM student_document WHERE agency_id = {a} AND student_id = {s}",
            "DELETE FROM student_note WHERE agency_id = {a} AND student_id = {s}",
            "DELETE FROM student_standing WHERE agency_id = {a} AND student_id = {s}",
            "DELETE FROM student_target_specialty WHERE student_id IN (SELECT id FROM student WHERE agency_id = {a} AND id = {s})",
            "DELETE FROM student WHERE agency_id = {a} AND id = {s}");

    @Inject
    TenantData tenant;
    @Inject
    KeycloakDirectory keycloak;
    @Inject
    Clock clock;
    @Resource
    SessionContext context;

    /** Binds {a} and {s} as numbered parameters, one per occurrence (EclipseLink binds each ?n once). */
    private static jakarta.persistence.Query bind(EntityManager em, String sql, long agency, long student) {
        StringBuilder text = new StringBuilder();
        List<Long> values = new java.util.ArrayList<>();
        java.util.regex.Matcher placeholder = java.util.regex.Pattern.compile("\\{([as])}").matcher(sql);
        while (placeholder.find()) {
            values.add(placeholder.group(1).equals("a") ? agency : student);
            placeholder.appendReplacement(text, "?" + values.size());
        }
        placeholder.appendTail(text);
        jakarta.persistence.Query query = em.createNativeQuery(text.toString()).setHint("eclipselink.jdbc.allow-native-sql-query", true);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query;
    }

    /** What the erasure removed, for the page that asked (the student's name is gone with them). */
    public record Receipt(int rowsRemoved, boolean loginRemoved) implements java.io.Serializable {
    }

    /**
     * Erases the student of the caller's agency. The caller types the student's email to confirm (a typo, or
     * another student's email, erases nothing). Their login goes first: if Keycloak cannot be reached, nothing
     * is erased and staff can try again.
     */
    public Receipt erase(long studentId, String confirmEmail) {
        EntityManager em = tenant.em();
        long agency = tenant.agencyId();
        Student student = tenant.require(Student.class, studentId, "studentId");
        if (confirmEmail == null || !student.getEmail().equalsIgnoreCase(confirmEmail.strip())) {
            throw new DomainException("confirmEmail", "Type the student's email exactly, to confirm which student to erase");
        }
        // The login LorKit created for this student, by its id. A student invited before LorKit kept ids (or by hand in
        // Keycloak) is found by email in the agency's organization. Either way it goes only while it is a member whose
        // sole LorKit role is student: a login with the student's email could be anyone's (an admin's email typed into
        // a roster row), and that one is kept.
        String slug = tenant.agency().getSlug();
        boolean loginRemoved = keycloak.organizationId(slug).flatMap(organization -> student.getLoginId()
                        .or(() -> keycloak.memberByEmail(organization, student.getEmail().toLowerCase(Locale.ROOT)))
                        .map(login -> keycloak.deleteIfOnlyRole(organization, login, Roles.STUDENT, Roles.ALL)))
                .orElse(false);

        em.detach(student);
        int rows = 0;
        for (String delete : DELETES) {
            rows += bind(em, delete, agency, studentId).executeUpdate();
        }
        em.persist(new ErasureRecord(clock.instant(), Actor.of(context), rows, loginRemoved));
        LOG.log(Level.INFO, "A student of agency {0} was erased on request: {1} rows, login {2}",
                new Object[]{agency, rows, loginRemoved ? "removed" : "none"});
        return new Receipt(rows, loginRemoved);
    }
}
