package org.lorkit.perf.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The mix of issue 8: students on their home, kit and letters pages; staff on the agency's and a cohort's
 * dashboard; attendings on a kit link's page and its combined PDF. Each virtual user keeps its own login (and
 * cookies, as a browser would), thinks 1 to 3 s between two requests, and goes on for the plan's duration.
 * Every response must be a 200 with the page's own content (redirects are not followed: a login page would be an
 * error, not a page); each request's time and outcome go to the plan's {@link LoadStats} as well as to Gatling's
 * report, and Gatling's own assertion fails the run on any failed request.
 */
public class MixedLoadSimulation extends Simulation {
    /**
     * A static page (the stylesheet), asked for by a few probes beside the mix: what the server's queue and the two cores
     * cost any request under the same load. It is in no group and not among "all requests".
     */
    static final String STATIC_PAGE = "static page";
    static final String STATIC_PATH = "/jakarta.faces.resource/css/lorkit.css.xhtml";
    private static final int STATIC_PROBES = 2;

    /** Request names, in the report's order, with the address each one asks for. */
    static final Map<String, String> REQUESTS = new java.util.LinkedHashMap<>();

    static {
        REQUESTS.put("student home", "GET /student/home.xhtml");
        REQUESTS.put("student kit", "GET /student/kit.xhtml");
        REQUESTS.put("student letters", "GET /student/letters.xhtml");
        REQUESTS.put("agency dashboard", "GET /agency/dashboard.xhtml");
        REQUESTS.put("cohort dashboard", "GET /agency/dashboard.xhtml?cohort=…");
        REQUESTS.put("attending kit page", "GET /a/kit.xhtml?t=…");
        REQUESTS.put("attending kit PDF", "GET /a/download/kit?t=…");
        REQUESTS.put(STATIC_PAGE, "GET " + STATIC_PATH + ", beside the mix");
    }


    static final Map<String, List<String>> GROUPS = new java.util.LinkedHashMap<>();

    static {
        GROUPS.put("students", List.of("student home", "student kit", "student letters"));
        GROUPS.put("staff dashboards", List.of("agency dashboard", "cohort dashboard"));
        GROUPS.put("attendings", List.of("attending kit page", "attending kit PDF"));
    }

    private static final Duration THINK_MIN = Duration.ofSeconds(1);
    private static final Duration THINK_MAX = Duration.ofSeconds(3);

    public MixedLoadSimulation() {
        LoadPlan plan = LoadPlan.current();
        HttpProtocolBuilder protocol = http.baseUrl(plan.baseUrl())
                .acceptHeader("text/html")
                .disableFollowRedirect()
                // Gatling's default warm-up asks https://gatling.io: the load stays on loopback.
                .disableWarmUp();
        Function<Session, String> bearer = session -> "Bearer " + plan.tokens().apply(session.getString("login"));

        ChainBuilder studentVisit = exec(
                timed(plan, "student home", http("student home").get("/student/home.xhtml").header("Authorization", bearer),
                        substring("id=\"student-name\"").exists()),
                pause(THINK_MIN, THINK_MAX),
                timed(plan, "student kit", http("student kit").get("/student/kit.xhtml").header("Authorization", bearer),
                        substring("My letter kit").exists()),
                pause(THINK_MIN, THINK_MAX),
                timed(plan, "student letters", http("student letters").get("/student/letters.xhtml").header("Authorization", bearer),
                        substring("My letters").exists()),
                pause(THINK_MIN, THINK_MAX));
        ChainBuilder staffVisit = exec(
                timed(plan, "agency dashboard", http("agency dashboard").get("/agency/dashboard.xhtml").header("Authorization", bearer),
                        substring("Letter completion").exists()),
                pause(THINK_MIN, THINK_MAX),
                timed(plan, "cohort dashboard", http("cohort dashboard").get(session -> "/agency/dashboard.xhtml?cohort=" + plan.randomCohort())
                        .header("Authorization", bearer), substring("Letter completion").exists()),
                pause(THINK_MIN, THINK_MAX));
        ChainBuilder attendingVisit = exec(
                timed(plan, "attending kit page", http("attending kit page").get("/a/kit.xhtml?t=#{kit}"), substring("Letter kit for").exists()),
                pause(THINK_MIN, THINK_MAX),
                timed(plan, "attending kit PDF", http("attending kit PDF").get("/a/download/kit?t=#{kit}"),
                        header("Content-Type").is("application/pdf")),
                pause(THINK_MIN, THINK_MAX));

        ChainBuilder staticVisit = exec(
                timed(plan, STATIC_PAGE, http(STATIC_PAGE).get(STATIC_PATH).header("Accept", "text/css"), substring("{").exists()),
                pause(THINK_MIN, THINK_MAX));

        List<PopulationBuilder> populations = new ArrayList<>();
        populations.add(scenario("static probes").exec(during(plan.duration()).on(staticVisit))
                .injectOpen(rampUsers(STATIC_PROBES).during(plan.ramp())));
        if (plan.students() > 0) {
            populations.add(users("students", feeder("login", plan.studentLogins()), studentVisit, plan).injectOpen(rampUsers(plan.students()).during(plan.ramp())));
        }
        if (plan.staff() > 0) {
            populations.add(users("staff", feeder("login", plan.staffLogins()), staffVisit, plan).injectOpen(rampUsers(plan.staff()).during(plan.ramp())));
        }
        if (plan.attendings() > 0) {
            populations.add(users("attendings", feeder("kit", plan.kitTokens()), attendingVisit, plan).injectOpen(rampUsers(plan.attendings()).during(plan.ramp())));
        }
        setUp(populations)
                .protocols(protocol)
                .maxDuration(plan.ramp().plus(plan.duration()).plusMinutes(2))
                .assertions(global().failedRequests().count().is(0L));
    }

    private static ScenarioBuilder users(String name, ChainBuilder feeder, ChainBuilder visit, LoadPlan plan) {
        return scenario(name).exec(feeder).exec(during(plan.duration()).on(exec(newLoginNewSession(plan)).exec(visit)));
    }

    /**
     * When a user's bearer token has been renewed, the next visit starts without cookies, as a new sign-in would.
     * (Tried against the 401s the full runs get once tokens are renewed; they stayed: docs/benchmarks.md.)
     */
    private static ChainBuilder newLoginNewSession(LoadPlan plan) {
        return exec(session -> {
            if (!session.contains("login")) {
                return session;
            }
            String token = plan.tokens().apply(session.getString("login"));
            boolean renewed = session.contains("token") && !token.equals(session.getString("token"));
            return session.set("token", token).set("renewed", renewed);
        }).doIf(session -> session.contains("renewed") && session.getBoolean("renewed")).then(exec(flushCookieJar()));
    }

    /** Each virtual user takes the next value (round robin when there are more users than values). */
    private static ChainBuilder feeder(String key, List<String> values) {
        return feed(listFeeder(values.stream().map(v -> Map.<String, Object>of(key, v)).collect(Collectors.toList())).circular());
    }

    /**
     * The request with its checks (status 200 and the given one), its time and outcome recorded in the plan's stats.
     * The time and status are saved first, so that they are there even when a later check fails.
     */
    private static ChainBuilder timed(LoadPlan plan, String name, HttpRequestActionBuilder request, CheckBuilder check) {
        return exec(session -> session.remove("rt").remove("status").markAsSucceeded())
                .exec(request.check(responseTimeInMillis().saveAs("rt"), status().saveAs("status"), status().is(200), check))
                .exec(session -> {
                    long millis = session.contains("rt") ? session.getInt("rt") : -1;
                    // A 401 with a token older than its 300 s lifespan when sent is the harness's, not LorKit's.
                    String context = session.isFailed() && session.contains("login")
                            ? ", bearer token " + (plan.tokenAge().apply(session.getString("login")) - Math.max(0, millis) / 1000) + " s old when sent"
                            : "";
                    plan.stats().record(name, millis, session.contains("status") ? session.getInt("status") : null, !session.isFailed(), context);
                    return session.markAsSucceeded();
                });
    }
}
