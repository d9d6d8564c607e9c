package org.lorkit.it.support;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lorkit.application.Roles;
import org.lorkit.application.agency.AgencyView;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * For browser tests that play a student sending a kit: POST /lorkit-it/fixtures/kit-to-send makes a fresh agency whose
 * student, with a login of their own (the demo password), has a kit ready to send to a new attending but for the
 * kit page's question "I have entered Dr. X in ERAS" (left unticked). Answers with three lines: the student's
 * login, the attending's address and the attending's name. POST /lorkit-it/fixtures/send-outbox sends what is due now.
 * Only in the test module, never in the application.
 */
@WebServlet({"/fixtures/kit-to-send", "/fixtures/send-outbox"})
public class KitToSendFixture extends HttpServlet {

    @Inject
    Fixtures fixtures;
    @Inject
    As as;
    @Inject
    KitService kits;
    @Inject
    OutboxSender sender;
    @Inject
    KeycloakDirectory keycloak;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        if (request.getServletPath().endsWith("send-outbox")) {
            int sent = 0;
            for (int batch = sender.sendDue(); batch > 0; batch = sender.sendDue()) {
                sent += batch;
            }
            response.getWriter().print(sent);
            return;
        }
        AgencyView agency = fixtures.agency();
        StudentView[] student = new StudentView[1];
        AttendingView[] attending = new AttendingView[1];
        RotationView rotation = as.staff(agency.id(), () -> {
            student[0] = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            attending[0] = fixtures.attending("Internal Medicine");
            return fixtures.rotation(student[0], attending[0], 24);
        });
        long kit = fixtures.readyKit(agency.id(), student[0], attending[0], rotation);
        as.ownerStudent(agency.id(), () -> kits.confirmWriterInEras(kit, false));
        // The kit was built as the run-as student (the owner's address); the browser signs in with a login of its own.
        String login = Fixtures.unique("kit-sender") + "@student.example";
        try (Connection db = dataSource.getConnection();
             PreparedStatement rename = db.prepareStatement("UPDATE student SET email = ? WHERE id = ? AND agency_id = ?")) {
            rename.setString(1, login);
            rename.setLong(2, student[0].id());
            rename.setLong(3, agency.id());
            rename.executeUpdate();
        } catch (SQLException e) {
            throw new IOException(e);
        }
        keycloak.invite(keycloak.organizationId(agency.slug()).orElseThrow(), login, "Amara", "Okafor", Roles.STUDENT);
        KeycloakRealm.giveDemoPassword(login);
        response.getWriter().print(login + "\n" + attending[0].email() + "\n" + attending[0].fullName());
    }
}
