package org.lorkit.perf.load;

import io.gatling.app.Gatling$;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Runs {@link MixedLoadSimulation} with Gatling inside this JVM (the failsafe JVM, beside the server, never in it)
 * and returns what it measured.
 */
public final class LoadRun {
    /** What came out of a run: the Markdown table, the counts, Gatling's exit status and its HTML report. */
    public record Result(String table, long requests, long errors, List<String> firstFailures, double seconds, int gatlingStatus,
                         Path gatlingReport, long p95Millis, long staticPageP95Millis) {
    }

    private LoadRun() {
    }

    /**
     * @param login a fresh access token for a login (renewed in the background every ~150 s; they live 300 s)
     */
    public static Result run(String baseUrl, int students, int staff, int attendings, List<String> studentLogins, List<String> staffLogins,
                             List<Long> cohortIds, List<String> kitTokens, Duration ramp, Duration duration,
                             Function<String, String> login, Path results) throws Exception {
        // Loopback only: no anonymous usage analytics to gatling.io, whatever the caller's system properties say.
        System.setProperty("gatling.data.enableAnalytics", "false");
        com.typesafe.config.ConfigFactory.invalidateCaches();
        List<String> logins = new ArrayList<>(studentLogins);
        logins.addAll(staffLogins);
        LoadStats stats = new LoadStats();
        try (Tokens tokens = new Tokens(login).start(logins)) {
            LoadPlan.set(new LoadPlan(baseUrl, students, staff, attendings, studentLogins, staffLogins, cohortIds, kitTokens, ramp,
                    duration, tokens::current, tokens::ageSeconds, stats));
            Files.createDirectories(results);
            int status = Gatling$.MODULE$.fromArgs(new String[]{
                    "-s", MixedLoadSimulation.class.getName(),
                    "-rf", results.toAbsolutePath().toString(),
                    "-rd", students + " students, " + staff + " staff, " + attendings + " attendings"});
            Map<String, String> rows = new LinkedHashMap<>();
            MixedLoadSimulation.REQUESTS.forEach((name, address) -> rows.put(name, name + " (" + address + ")"));
            return new Result(stats.table(rows, MixedLoadSimulation.GROUPS), stats.requests(), stats.errors(), stats.firstFailures(),
                    stats.seconds(), status, newestReport(results), stats.percentile(LoadStats.all(MixedLoadSimulation.GROUPS), 95),
                    stats.percentile(List.of(MixedLoadSimulation.STATIC_PAGE), 95));
        } finally {
            LoadPlan.set(null);
        }
    }

    private static Path newestReport(Path results) throws IOException {
        try (Stream<Path> runs = Files.list(results)) {
            return runs.filter(Files::isDirectory).max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .map(p -> p.resolve("index.html")).orElse(null);
        }
    }
}
