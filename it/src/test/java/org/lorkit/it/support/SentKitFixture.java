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
@WebServlet({"/fixtures/sent-kit", "/fixtures/due-kits", "/fixtures/due-reminders"})
public class SentKitFixture extends HttpServlet {

    @Inject
    Fixtures fixtures;
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
}
