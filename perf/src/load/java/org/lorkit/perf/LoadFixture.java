package org.lorkit.perf;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lorkit.application.Roles;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.KeycloakRealm;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load test's preparation (MixedLoadBenchmark), in the test module only, POST only, each call small enough to answer within
 * seconds (MixedLoadBenchmark calls them in batches):
 * <ul>
 * <li>POST /lorkit-it/fixtures/load/agency?slug=bench-1: gives the benchmark agency (loaded by BenchmarkData
 * without any login) its Keycloak organization, alias = slug, if it has none; answers {@code agency=<id>} and
 * {@code cohorts=<id>,<id>,...} (its active cohorts).</li>
 * <li>POST /lorkit-it/fixtures/load/students?slug=bench-1&amp;offset=0&amp;count=20: invites that page of the
 * agency's students (by their email in the student table, those with letter requests first) as students of the
 * organization and gives them the demo password; answers their logins, one per line.</li>
 * <li>POST /lorkit-it/fixtures/load/staff?slug=bench-1&amp;offset=0&amp;count=20: the same for staff logins
 * load-staff-N@slug.example (role agency-staff).</li>
 * <li>POST /lorkit-it/fixtures/load/kits?count=20: one fresh agency with that many kits sent to new attendings;
 * waits for the emails and answers the "open the kit" links read from them, one per line.</li>
 * </ul>
 */
@WebServlet("/fixtures/load/*")
public class LoadFixture extends HttpServlet {

    @Inject
    Fixtures fixtures;
    @Inject
    KeycloakDirectory keycloak;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String what = request.getPathInfo() == null ? "" : request.getPathInfo();
        StringBuilder answer = new StringBuilder();
        try {
            switch (what) {
                case "/agency" -> agency(request.getParameter("slug"), answer);
                case "/students" -> students(request.getParameter("slug"), intParameter(request, "offset"),
                        intParameter(request, "count"), answer);
                case "/staff" -> staff(request.getParameter("slug"), intParameter(request, "offset"),
                        intParameter(request, "count"), answer);
                case "/kits" -> kits(intParameter(request, "count"), answer);
                default -> {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain");
        response.getWriter().print(answer);
    }

    private void agency(String slug, StringBuilder answer) throws SQLException {
        long agency = agencyId(slug);
        if (keycloak.organizationId(slug).isEmpty()) {
            keycloak.createOrganization(slug, single("SELECT name FROM agency WHERE id = ?", agency), slug + ".lorkit.invalid");
        }
        List<String> cohorts = column("SELECT id FROM cohort WHERE agency_id = ? AND archived = FALSE ORDER BY id", agency);
        answer.append("agency=").append(agency).append('\n').append("cohorts=").append(String.join(",", cohorts)).append('\n');
    }

    private void students(String slug, int offset, int count, StringBuilder answer) throws SQLException {
        long agency = agencyId(slug);
        String organization = keycloak.organizationId(slug).orElseThrow(() -> new IllegalStateException("no organization " + slug));
        // Students with letter requests first (their pages show rotations, letters and kits), in a stable order;
        // the agency id lets the EXISTS use ix_letter_student (without it: a minute per batch at full scale).
        List<String> emails = column("SELECT s.email FROM student s WHERE s.agency_id = ? ORDER BY "
                + "CASE WHEN EXISTS (SELECT 1 FROM letter_request r WHERE r.agency_id = s.agency_id AND r.student_id = s.id) THEN 0 ELSE 1 END, s.id LIMIT ? OFFSET ?",
                agency, count, offset);
        for (String email : emails) {
            login(organization, email, "Load", "Student", Roles.STUDENT);
            answer.append(email).append('\n');
        }
    }

    private void staff(String slug, int offset, int count, StringBuilder answer) {
        agencyId(slug);
        String organization = keycloak.organizationId(slug).orElseThrow(() -> new IllegalStateException("no organization " + slug));
        for (int i = offset; i < offset + count; i++) {
            String email = "load-staff-" + i + "@" + slug + ".example";
            login(organization, email, "Load", "Staff " + i, Roles.AGENCY_STAFF);
            answer.append(email).append('\n');
        }
    }

    /** Invites the login (unless a run before this one on the same Keycloak did) and gives it the demo password. */
    private void login(String organization, String email, String first, String last, String role) {
        try {
            keycloak.invite(organization, email, first, last, role);
        } catch (DomainException e) {
            if (!e.getMessage().contains("already has a login")) {
                throw e;
            }
        }
        KeycloakRealm.giveDemoPassword(email);
    }

    /** Kits sent to new attendings in a fresh agency, and the links read back from their emails. */
    private void kits(int count, StringBuilder answer) throws Exception {
        for (String link : fixtures.kitLinks(fixtures.sentKits(count).attendings(), Duration.ofSeconds(60))) {
            answer.append(link).append('\n');
        }
    }

    private long agencyId(String slug) {
        try {
            return Long.parseLong(single("SELECT id FROM agency WHERE slug = ?", slug));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String single(String sql, Object parameter) throws SQLException {
        List<String> values = column(sql, parameter);
        if (values.isEmpty()) {
            throw new IllegalStateException("Nothing for " + parameter + ": " + sql);
        }
        return values.get(0);
    }

    private List<String> column(String sql, Object... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private static int intParameter(HttpServletRequest request, String name) {
        return Integer.parseInt(request.getParameter(name));
    }
}
