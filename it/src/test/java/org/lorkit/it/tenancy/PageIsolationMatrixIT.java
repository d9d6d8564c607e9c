package org.lorkit.it.tenancy;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.KeycloakRealm;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant isolation matrix for pages, over HTTP with real Keycloak tokens and the demo data: each
 * page as its intended user (who sees agency A's record), as staff of another agency, as another
 * student of agency A, and anonymously. Nobody but the intended user sees the record; anonymous
 * visitors are sent to the login. A page missing from the matrix fails the test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PageIsolationMatrixIT {
    private static final String APP = "http://localhost:8080";
    private static final Path PAGES = Path.of("../web/src/main/webapp");
    /**
     * Pages that need no login: they show no agency data. (The attending's pages, which show only what a link's token
     * opens, are a servlet's, not files here: AttendingLinkIT tests them.)
     */
    private static final Set<String> PUBLIC_PAGES = Set.of("/index.xhtml", "/error.xhtml", "/signed-out.xhtml", "/sign-in-unavailable.xhtml");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkit();
    }

    /** A page, who it is for, and text that only its intended user may see (a record of Bridgeway). */
    private record PageProbe(String page, String intendedUser, int intendedStatus, String secret) {
    }

    private static final List<PageProbe> MATRIX = List.of(
            new PageProbe("/home.xhtml", "staff@bridgeway.example", 302, null),
            new PageProbe("/agency/overview.xhtml", "staff@bridgeway.example", 200, "Amara Okafor"),
            new PageProbe("/agency/people.xhtml", "admin@bridgeway.example", 200, "amara.okafor@student.example"),
            // The dashboard's figures and rows are also probed by the service matrix's CompletionDashboard probes.
            new PageProbe("/agency/dashboard.xhtml", "staff@bridgeway.example", 200, "Internal Medicine - Match"),
            new PageProbe("/agency/cohorts.xhtml", "staff@bridgeway.example", 200, "Internal Medicine - Match"),
            new PageProbe("/agency/directory.xhtml", "staff@bridgeway.example", 200, "Dr. Anjali Patel"),
            new PageProbe("/agency/settings.xhtml", "admin@bridgeway.example", 200, "letters@bridgeway.example"),
            // The demo agency has no webhook endpoint and so no deliveries: the pages show their empty states; the service
            // matrix's WebhookService probes try another agency's endpoints and log.
            new PageProbe("/agency/webhooks.xhtml", "admin@bridgeway.example", 200, null),
            new PageProbe("/agency/webhook-log.xhtml", "admin@bridgeway.example", 200, null),
            // Every staff member's own settings: the address their digest goes to is their login's.
            new PageProbe("/agency/my-settings.xhtml", "staff@bridgeway.example", 200, "It goes to staff@bridgeway.example"),
            // Without an id the follow-up page shows no record; another agency's id is refused by the service matrix.
            new PageProbe("/agency/student.xhtml", "staff@bridgeway.example", 200, null),
            // The import page lists the agency's active cohorts, which the file's cohort column must name.
            new PageProbe("/agency/import.xhtml", "staff@bridgeway.example", 200, "Internal Medicine - Match"),
            new PageProbe("/student/home.xhtml", "amara.okafor@student.example", 200, "Dr. Anjali Patel"),
            new PageProbe("/student/ask.xhtml", "amara.okafor@student.example", 200, "Dr. Anjali Patel"),
            new PageProbe("/student/kit.xhtml", "amara.okafor@student.example", 200, "Internal Medicine at St. Mary"),
            new PageProbe("/student/rotations.xhtml", "amara.okafor@student.example", 200, "Internal Medicine at St. Mary"),
            // Without an id the detail page shows no record; another student's id is refused by the service matrix.
            new PageProbe("/student/rotation.xhtml", "amara.okafor@student.example", 200, null),
            new PageProbe("/student/feedback.xhtml", "amara.okafor@student.example", 200, "Dr. Anjali Patel"),
            new PageProbe("/student/letters.xhtml", "amara.okafor@student.example", 200, "Dr. Anjali Patel"),
            new PageProbe("/operator/agencies.xhtml", "operator@lorkit.example", 200, "Bridgeway Clinical Rotations"));

    private static final String OTHER_AGENCY_STAFF = "staff@northstar.example";
    private static final String OTHER_STUDENT = "rahul.mehta@student.example";

    private static HttpResponse<String> get(String page, String user) {
        return KeycloakRealm.page(page, user);
    }

    @Test
    void no_page_shows_a_record_to_anyone_but_its_intended_user() throws IOException {
        Set<String> inMatrix = MATRIX.stream().map(PageProbe::page).collect(Collectors.toCollection(TreeSet::new));
        assertThat(inMatrix).as("every page that needs a login is in the matrix").containsAll(protectedPages());

        Map<String, String> failures = new LinkedHashMap<>();
        int probes = 0;
        for (PageProbe probe : MATRIX) {
            probes++;
            HttpResponse<String> intended = get(probe.page(), probe.intendedUser());
            if (intended.statusCode() != probe.intendedStatus()
                    || probe.secret() != null && !intended.body().contains(probe.secret())) {
                failures.put(probe.page() + " as intended " + probe.intendedUser(), "status " + intended.statusCode());
            }
            for (String intruder : List.of(OTHER_AGENCY_STAFF, OTHER_STUDENT)) {
                if (intruder.equals(probe.intendedUser())) {
                    continue;
                }
                probes++;
                HttpResponse<String> response = get(probe.page(), intruder);
                boolean leaks = probe.secret() != null && response.body().contains(probe.secret())
                        || response.body().contains("Bridgeway Clinical Rotations") && intruder.equals(OTHER_AGENCY_STAFF);
                if (leaks || response.statusCode() >= 500) {
                    failures.put(probe.page() + " as " + intruder, "status " + response.statusCode() + (leaks ? ", shows Bridgeway data" : ""));
                }
            }
            probes++;
            HttpResponse<String> anonymous = get(probe.page(), null);
            boolean toLogin = anonymous.statusCode() == 302
                    && anonymous.headers().firstValue("Location").orElse("").startsWith(KeycloakRealm.REALM);
            if (!toLogin || probe.secret() != null && anonymous.body().contains(probe.secret())) {
                failures.put(probe.page() + " anonymously", "status " + anonymous.statusCode());
            }
        }
        System.out.println("Page isolation matrix: " + probes + " probes over " + MATRIX.size() + " pages, "
                + failures.size() + " failures");
        assertThat(failures).as("page probes that went wrong").isEmpty();
    }

    private static Set<String> protectedPages() throws IOException {
        try (Stream<Path> files = Files.walk(PAGES)) {
            return files.filter(f -> f.toString().endsWith(".xhtml"))
                    .map(f -> "/" + PAGES.relativize(f).toString().replace('\\', '/'))
                    .filter(page -> !page.startsWith("/WEB-INF/") && !page.startsWith("/resources/") && !PUBLIC_PAGES.contains(page))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
