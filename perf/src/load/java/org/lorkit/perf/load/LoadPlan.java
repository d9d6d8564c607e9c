package org.lorkit.perf.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * What the simulation runs: set by {@link LoadRun} just before Gatling starts in the same JVM and class loader
 * (Gatling loads the simulation class with its own class loader, which is the test's), read once by
 * {@link MixedLoadSimulation}'s constructor.
 *
 * @param baseUrl      LorKit, on loopback
 * @param students     virtual users that are students (each its own login from {@code studentLogins})
 * @param staff        virtual users that are agency staff (each its own login from {@code staffLogins})
 * @param attendings   virtual users that are attendings (sharing the kit links round robin)
 * @param studentLogins logins of students of the agency, with the demo password
 * @param staffLogins  logins of staff of the agency, with the demo password
 * @param cohortIds    the agency's active cohorts, for the cohort dashboards
 * @param kitTokens    tokens of sent kits' "open the kit" links
 * @param ramp         over how long each kind of user is started
 * @param duration     how long each user keeps going once started
 * @param tokens       a login's current bearer token (kept fresh by {@link Tokens})
 * @param tokenAge     how old a login's current bearer token is, in seconds (reported with a failed request)
 * @param stats        where every request's outcome and time go
 */
public record LoadPlan(String baseUrl, int students, int staff, int attendings, List<String> studentLogins, List<String> staffLogins,
                       List<Long> cohortIds, List<String> kitTokens, Duration ramp, Duration duration,
                       Function<String, String> tokens, Function<String, Long> tokenAge, LoadStats stats) {

    private static volatile LoadPlan current;

    static void set(LoadPlan plan) {
        current = plan;
    }

    static LoadPlan current() {
        LoadPlan plan = current;
        if (plan == null) {
            throw new IllegalStateException("No load plan: MixedLoadSimulation runs from LoadRun (MixedLoadBenchmark), not on its own");
        }
        return plan;
    }

    long randomCohort() {
        return cohortIds.get(ThreadLocalRandom.current().nextInt(cohortIds.size()));
    }
}
