package org.lorkit.it.support;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lorkit.application.attending.AttendingView;

import javax.sql.DataSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * For browser tests that play the attending: POST /lorkit-it/fixtures/sent-kit makes a fresh agency with a
 * kit sent to a new attending, waits for the email to arrive, and answers with the "open the kit" link
 * read from that email. Only in the test module, never in the application.
 */
@WebServlet({"/fixtures/sent-kit", "/fixtures/due-kits", "/fixtures/due-reminders", "/fixtures/student-with-sent-kit"})
public class SentKitFixture extends HttpServlet {

    @Inject
    Fixtures fixtures;
    @Inject
    As as;
    @Inject
    org.lorkit.application.letter.LetterRequestService letters;
    @Inject
    org.lorkit.infrastructure.keycloak.KeycloakDirectory keycloak;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().endsWith("due-kits")) {
            dueKits(Integer.parseInt(request.getParameter("count")), response, false);
            return;
        }
        if (request.getServletPath().endsWith("student-with-sent-kit")) {
            studentWithSentKit(response);
            return;
        }
        if (request.getServletPath().endsWith("due-reminders")) {
            dueKits(Integer.parseInt(request.getParameter("count")), response, true);
            return;
        }
        try {
            String link = fixtures.sentKitLink();
            response.setContentType("text/plain");
            response.getWriter().print(link);
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    /**
     * POST /lorkit-it/fixtures/due-kits?count=N: N kits sent to N new attendings, left for the server's own
     * sender (nothing is sent here). Answers with the attendings' addresses, one per line.
     * POST /lorkit-it/fixtures/due-reminders?count=N: the same, with the kits dated 15 days back, so that the
     * server's own reminder sweep finds a first reminder due for each.
     */
    private void dueKits(int count, HttpServletResponse response, boolean backdated) throws IOException {
        Fixtures.SentKits sent = fixtures.sentKits(count);
        StringBuilder addresses = new StringBuilder();
        for (AttendingView attending : sent.attendings()) {
            addresses.append(attending.email()).append('\n');
        }
        if (backdated) {
            try (Connection db = dataSource.getConnection(); Statement update = db.createStatement()) {
                update.executeUpdate("UPDATE letter_request SET kit_sent_on = CURRENT_DATE - 15 WHERE agency_id = " + sent.agency());
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
        response.setContentType("text/plain");
        response.getWriter().print(addresses);
    }

    /**
     * POST /lorkit-it/fixtures/student-with-sent-kit: a fresh agency whose new student (a login of their own, with the
     * demo password) has a kit marked sent today to a new attending, for browser tests that play the student. Answers
     * with the student's login, then the attending's name, one per line.
     */
    private void studentWithSentKit(HttpServletResponse response) throws IOException {
        org.lorkit.application.agency.AgencyView agency = fixtures.agency();
        String email = Fixtures.unique("student") + "@student.example";
        AttendingView attending = as.staff(agency.id(), () -> {
            org.lorkit.application.student.StudentView student = fixtures.student(fixtures.cohort(), email);
            AttendingView writer = fixtures.attending("Internal Medicine");
            org.lorkit.application.rotation.RotationView rotation = fixtures.rotation(student, writer, 24);
            long id = letters.plan(new org.lorkit.application.letter.NewLetterRequest(student.id(), writer.id(), rotation.id(), null)).id();
            letters.moveTo(id, org.lorkit.domain.letter.LetterState.ASKED, null);
            letters.moveTo(id, org.lorkit.domain.letter.LetterState.STRONG_YES, "\"happy to\"");
            letters.markKitSent(id);
            return writer;
        });
        KeycloakRealm.ensureMember(keycloak.organizationId(agency.slug()).orElseThrow(), email, org.lorkit.application.Roles.STUDENT);
        KeycloakRealm.giveDemoPassword(email);
        response.setContentType("text/plain");
        response.getWriter().print(email + "\n" + attending.fullName() + "\n");
    }
}
