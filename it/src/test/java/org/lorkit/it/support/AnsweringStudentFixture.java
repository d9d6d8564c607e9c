package org.lorkit.it.support;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lorkit.application.Roles;
import org.lorkit.application.agency.AgencyView;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.provisioning.ProvisioningService;
import org.lorkit.application.student.NewStudent;
import org.lorkit.application.student.StudentView;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;

import java.io.IOException;
import java.util.List;

/**
 * For browser tests of the ask and its answer: POST /lorkit-it/fixtures/answering-student makes a fresh agency with a
 * student who has a login (the demo password) and one supervising attending nobody asked yet, and a staff login of
 * that agency (the demo password too). Answers with four lines: the student's email, the staff member's email, the
 * student's id, the attending's name. Only in the test module, never in the application.
 */
@WebServlet("/fixtures/answering-student")
public class AnsweringStudentFixture extends HttpServlet {

    @Inject
    Fixtures fixtures;
    @Inject
    As as;
    @Inject
    ProvisioningService provisioning;
    @Inject
    KeycloakDirectory keycloak;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AgencyView agency = fixtures.agency();
        String studentEmail = Fixtures.unique("asker") + "@student.example";
        String staffEmail = Fixtures.unique("staff") + "@agency.example";
        Object[] made = new Object[2];
        as.staff(agency.id(), () -> {
            StudentView student = provisioning.inviteStudent(new NewStudent(fixtures.cohort().id(), "Amara Okafor", studentEmail,
                    "University of Lagos", "Nigeria", "14029381", List.of("Internal Medicine")));
            AttendingView attending = fixtures.attending("Internal Medicine");
            fixtures.rotation(student, attending, 24);
            made[0] = student;
            made[1] = attending;
            return null;
        });
        KeycloakRealm.giveDemoPassword(studentEmail);
        keycloak.invite(keycloak.organizationId(agency.slug()).orElseThrow(), staffEmail, "Sam", "Staff", Roles.AGENCY_STAFF);
        KeycloakRealm.giveDemoPassword(staffEmail);
        response.setContentType("text/plain");
        response.getWriter().print(studentEmail + "\n" + staffEmail + "\n" + ((StudentView) made[0]).id() + "\n"
                + ((AttendingView) made[1]).fullName());
    }
}
