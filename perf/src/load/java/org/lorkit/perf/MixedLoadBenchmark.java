package org.lorkit.perf;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lorkit.it.support.Deployments;
import org.lorkit.it.support.KeycloakRealm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load test of issue 8 (./mvnw -B verify -Pload, over the data BenchmarkData loaded into PostgreSQL): students,
 * staff dashboards and attending kit pages of the benchmark agency bench-1 at once, from Gatling in this JVM over
 * loopback. First prepares, through LoadFixture in the server (the agency's Keycloak organization; logins for as
 * many of its students and staff as there are such virtual users, with the demo password; sent kits' links for the
 * attendings), then runs {@code org.lorkit.perf.load.MixedLoadSimulation}, writes requests, errors and p50/p95/p99/max
 * per request to -Dlorkit.load.report, and fails on any failed request. Never on speed: it is a measurement.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MixedLoadBenchmark {
    private static final String APP = "http://localhost:8080";
    private static final String FIXTURES = APP + "/lorkit-it/fixtures/load/";
    private static final String AGENCY = "bench-1";
    private static final int MAX_KIT_LINKS = 20;
    /** Logins prepared per call to the fixture, so that each call answers within seconds. */
    private static final int BATCH = 10;
    private static final Pattern KIT_TOKEN = Pattern.compile("[?&]t=([A-Za-z0-9_-]{43})");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.lorkitWithTests();
    }

    @Test
    void students_staff_and_attendings_at_once_without_an_error() throws Exception {
        int users = Integer.getInteger("lorkit.load.users", 200);
        int students = Math.round(users * 0.5f);
        int staff = Math.round(users * 0.2f);
        int attendings = users - students - staff;
        Duration ramp = Duration.ofSeconds(Long.getLong("lorkit.load.ramp", 30));
        Duration duration = Duration.ofSeconds(Long.getLong("lorkit.load.duration", 600));
        long started = System.nanoTime();

        // The agency's Keycloak organization, its cohorts, the logins and the kit links
        Map<String, String> agency = Arrays.stream(fixture("agency?slug=" + AGENCY).split("\n")).map(line -> line.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
        List<Long> cohorts = Arrays.stream(agency.get("cohorts").split(",")).filter(s -> !s.isBlank()).map(Long::valueOf).toList();
        assertThat(cohorts).as("active cohorts of " + AGENCY).isNotEmpty();
        List<String> studentLogins = logins("students", students);
        List<String> staffLogins = logins("staff", staff);
        List<String> kitTokens = new ArrayList<>();
        if (attendings > 0) {
            for (String link : lines(fixture("kits?count=" + Math.min(MAX_KIT_LINKS, attendings)))) {
                Matcher token = KIT_TOKEN.matcher(link);
                assertThat(token.find()).as("a kit link: " + link).isTrue();
                kitTokens.add(token.group(1));
            }
        }
        if (students > 0) {
            assertThat(studentLogins).as("student logins of " + AGENCY).isNotEmpty();
        }
        assertThat(staffLogins).as("staff logins").hasSize(staff);
        double prepared = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.US, "LOAD prepared in %.0f s: %d student logins, %d staff logins, %d kit links, %d cohorts%n",
                prepared, studentLogins.size(), staffLogins.size(), kitTokens.size(), cohorts.size());

        // Each kind of page answers as the load expects it to, before ten minutes are spent finding out that it does not
        KeycloakRealm.accessToken(staffLogins.isEmpty() ? studentLogins.get(0) : staffLogins.get(0)); // adds the direct-grant test client
        if (!studentLogins.isEmpty()) {
            answers("/student/home.xhtml", studentLogins.get(0), "id=\"student-name\"");
            answers("/student/kit.xhtml", studentLogins.get(0), "My letter kit");
            answers("/student/letters.xhtml", studentLogins.get(0), "My letters");
        }
        if (!staffLogins.isEmpty()) {
            answers("/agency/dashboard.xhtml?cohort=" + cohorts.get(0), staffLogins.get(0), "Letter completion");
        }
        if (!kitTokens.isEmpty()) {
            answers("/a/kit.xhtml?t=" + kitTokens.get(0), null, "Letter kit for");
            answers("/a/download/kit?t=" + kitTokens.get(0), null, "%PDF");
        }

        Function<String, String> login = KeycloakRealm::loginToken;
        Path results = Path.of(System.getProperty("lorkit.load.results", "target/gatling"));
        org.lorkit.perf.load.LoadRun.Result result = org.lorkit.perf.load.LoadRun.run(APP, students, staff, attendings, studentLogins, staffLogins,
                cohorts, kitTokens, ramp, duration, login, results);

        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version");
        StringBuilder text = new StringBuilder("# LorKit load test\n\n")
                .append(String.format(Locale.US, "Measured on %s, %s, PostgreSQL, data scale %s (1 = 5 agencies of 50,000 students); "
                                + "LorKit, Keycloak, PostgreSQL and Gatling 3.13.5 on the same machine, over loopback.%n%n",
                        LocalDate.now(ZoneOffset.UTC), machine, System.getProperty("lorkit.load.scale", "?")))
                .append(String.format(Locale.US, "%d virtual users on agency %s: %d students (%d logins), %d staff (one login each) on the "
                                + "agency's and its cohorts' dashboards, %d attendings on %d kit links; each kind started over %d s, each "
                                + "user going on for %d s, 1–3 s between two requests. %,d requests in %.0f s (after %.0f s of preparation).%n%n",
                        users, AGENCY, students, studentLogins.size(), staff, attendings, kitTokens.size(), ramp.toSeconds(),
                        duration.toSeconds(), result.requests(), result.seconds(), prepared))
                .append("Reproduce: `./mvnw -B verify -Pload` (README, Benchmarks). Response times are Gatling's, from sending a request to the "
                        + "last byte of its response; percentiles are exact (nearest rank) over every request; req/s over the whole run, "
                        + "ramp included.\n\n")
                .append(result.table()).append('\n')
                .append(String.format(Locale.US, "Errors: %,d%s. Gatling's exit status: %d (0: its assertion of no failed request held).%n",
                        result.errors(), result.errors() == 0 ? "" : "; the first ones: " + String.join("; ", result.firstFailures()),
                        result.gatlingStatus()));
        List<org.lorkit.perf.Figure> figures = List.of(
                org.lorkit.perf.Figure.atMost("load_errors", result.errors(), "requests", 0),
                org.lorkit.perf.Figure.atMost("load_p95", result.p95Millis(), "ms", 500),
                org.lorkit.perf.Figure.reported("load_static_page_p95", result.staticPageP95Millis(), "ms"));
        text.append("\nFigures against the goals of issue 20 (`figure <name> <value> <unit> goal <goal> <met|missed>`; p95 over all "
                + "requests of the mix, the static page beside it):\n\n```\n");
        figures.forEach(f -> text.append(f.line()).append('\n'));
        text.append("```\n\n");
        figures.forEach(f -> System.out.println(f.line()));
        if (result.gatlingReport() != null) {
            text.append("Gatling's HTML report: ").append(result.gatlingReport()).append('\n');
        }
        String report = text.toString();
        System.out.println(report.lines().map(line -> "LOAD " + line).collect(Collectors.joining("\n")));
        String reportFile = System.getProperty("lorkit.load.report");
        if (reportFile != null) {
            Path path = Path.of(reportFile);
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, report);
        }

        assertThat(result.requests()).as("requests made").isPositive();
        assertThat(result.errors()).as("failed requests; the first ones: " + result.firstFailures()).isZero();
        assertThat(result.gatlingStatus()).as("Gatling's exit status (its assertion: no failed request)").isZero();
    }

    private static void answers(String path, String user, String content) {
        HttpResponse<String> response = KeycloakRealm.page(path, user);
        assertThat(response.statusCode()).as(path + " as " + user).isEqualTo(200);
        assertThat(response.body()).as(path + " as " + user).contains(content);
    }

    /** As many logins of the kind as asked for, prepared {@link #BATCH} at a time (fewer if the agency has fewer students). */
    private List<String> logins(String kind, int count) throws Exception {
        List<String> logins = new ArrayList<>();
        for (int offset = 0; offset < count; offset += BATCH) {
            List<String> batch = lines(fixture(kind + "?slug=" + AGENCY + "&offset=" + offset + "&count=" + Math.min(BATCH, count - offset)));
            logins.addAll(batch);
            if (batch.isEmpty()) {
                break;
            }
        }
        return logins;
    }

    private String fixture(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(FIXTURES + path)).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST " + FIXTURES + path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
