package org.lorkit.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;

import javax.sql.DataSource;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * For browser tests that play the attending: POST /lorkit-it/fixtures/sent-kit makes a fresh agency with a
 * kit sent to a new attending, waits for the email to arrive, and answers with the "open the kit" link
 * read from that email. Only in the test module, never in the application.
 */
@WebServlet({"/fixtures/sent-kit", "/fixtures/due-kits", "/fixtures/due-reminders"})
public class SentKitFixture extends HttpServlet {

    @Inject
    As as;
    @Inject
    Fixtures fixtures;
    @Inject
    KitService kits;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().endsWith("due-kits")) {
            dueKits(Integer.parseInt(request.getParameter("count")), response, false);
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
        long agency = fixtures.agency().id();
        StudentView[] student = new StudentView[1];
        StringBuilder addresses = new StringBuilder();
        java.util.List<Long> requests = new java.util.ArrayList<>();
        as.staff(agency, () -> {
            student[0] = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            return null;
        });
        for (int i = 0; i < count; i++) {
            Object[] made = new Object[2];
            as.staff(agency, () -> {
                AttendingView attending = fixtures.attending("Internal Medicine");
                made[0] = attending;
                made[1] = fixtures.rotation(student[0], attending, 24);
                return null;
            });
            requests.add(fixtures.readyKit(agency, student[0], (AttendingView) made[0], (RotationView) made[1]));
            addresses.append(((AttendingView) made[0]).email()).append('\n');
        }
        for (long id : requests) {
            as.ownerStudent(agency, () -> kits.send(id));
        }
        if (backdated) {
            try (Connection db = dataSource.getConnection(); Statement update = db.createStatement()) {
                update.executeUpdate("UPDATE letter_request SET kit_sent_on = CURRENT_DATE - 15 WHERE agency_id = " + agency);
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
        response.setContentType("text/plain");
        response.getWriter().print(addresses);
    }
}
