package org.lorkit.it.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.lorkit.application.agency.AgencyView;
import org.lorkit.application.apiclient.ApiClientService;
import org.lorkit.application.apiclient.NewApiClient;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.LetterRequestView;
import org.lorkit.application.letter.NewLetterRequest;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.it.support.ApiCalls;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.KeycloakRealm;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant isolation matrix of the API, over HTTP with real tokens: every operation the OpenAPI document lists, tried
 * on agency A's records as A's API client (it works, with A's record), as another agency's API client (404 as for a
 * missing record, or a list without A's records), as a student of A (403) and with no token (401). An operation of the
 * document that is missing here fails the test, so a new endpoint cannot go untried.
 */
class ApiIsolationMatrixIT extends InsideLorKit {
    @Inject
    ApiClientService apiClients;
    @Inject
    LetterRequestService letters;
    @Inject
    org.lorkit.infrastructure.keycloak.KeycloakDirectory keycloak;

    /** One operation: its method and path as the document names them, the address and body for A's record, and what marks it. */
    private record Probe(String operation, Supplier<String> path, Supplier<String> body, String marker) {
    }

    private AgencyView agencyA;
    private CohortView cohort;
    private StudentView student;
    private AttendingView attending;
    private RotationView rotation;
    private LetterRequestView letter;

    private List<Probe> probes() {
        List<Probe> p = new ArrayList<>();
        p.add(new Probe("GET /api/v1/students", () -> "/students?size=100", null, id(student.id())));
        p.add(new Probe("POST /api/v1/students", () -> "/students", () -> """
                {"cohort":"%s","fullName":"Matrix Student","email":"%s"}""".formatted(cohort.name(), Fixtures.unique("matrix") + "@school.example"),
                "\"cohortId\":" + cohort.id() + ","));
        p.add(new Probe("GET /api/v1/students/{id}", () -> "/students/" + student.id(), null, id(student.id())));
        p.add(new Probe("PUT /api/v1/students/{id}", () -> "/students/" + student.id(), () -> """
                {"fullName":"%s"}""".formatted(student.fullName()), id(student.id())));
        p.add(new Probe("GET /api/v1/rotations", () -> "/rotations?size=100", null, id(rotation.id())));
        p.add(new Probe("POST /api/v1/rotations", () -> "/rotations", () -> """
                {"studentId":%d,"attendingId":%d,"site":"%s","specialty":"Internal Medicine","setting":"inpatient","kind":"hands-on",
                 "academic":true,"startDate":"2026-11-02","endDate":"2026-11-27","contactDays":10}"""
                .formatted(student.id(), attending.id(), Fixtures.unique("Matrix Site")), "\"studentId\":" + student.id() + ","));
        p.add(new Probe("GET /api/v1/rotations/{id}", () -> "/rotations/" + rotation.id(), null, id(rotation.id())));
        p.add(new Probe("PUT /api/v1/rotations/{id}", () -> "/rotations/" + rotation.id(), () -> """
                {"site":"%s","specialty":"%s","setting":"%s","kind":"%s","academic":%s,"startDate":"%s","endDate":"%s"}"""
                .formatted(rotation.site(), rotation.specialty().label(), rotation.setting().name(), rotation.kind().name(),
                        rotation.academicAffiliated(), rotation.startDate(), rotation.endDate()), id(rotation.id())));
        p.add(new Probe("GET /api/v1/letter-requests", () -> "/letter-requests?size=100", null, id(letter.id())));
        p.add(new Probe("GET /api/v1/letter-requests/{id}", () -> "/letter-requests/" + letter.id(), null, id(letter.id())));
        p.add(new Probe("GET /api/v1/cohorts", () -> "/cohorts?size=100", null, id(cohort.id())));
        p.add(new Probe("GET /api/v1/cohorts/{id}/dashboard", () -> "/cohorts/" + cohort.id() + "/dashboard", null,
                "\"cohortId\":" + cohort.id() + ","));
        return p;
    }

    private static String id(long id) {
        return "\"id\":" + id + ",";
    }

    enum Caller { OWN_CLIENT, OTHER_AGENCYS_CLIENT, STUDENT_OF_A, ANONYMOUS }

    @Test
    void every_endpoint_keeps_other_agencies_students_and_strangers_out() {
        Map<Caller, String> tokens = setUp();
        List<Probe> probes = probes();

        Set<String> inMatrix = new TreeSet<>(probes.stream().map(Probe::operation).toList());
        assertThat(inMatrix).as("every operation of /openapi is in the API's isolation matrix").containsAll(documentedOperations());

        Map<String, String> failures = new LinkedHashMap<>();
        int count = 0;
        for (Probe probe : probes) {
            for (Caller caller : List.of(Caller.ANONYMOUS, Caller.STUDENT_OF_A, Caller.OTHER_AGENCYS_CLIENT, Caller.OWN_CLIENT)) {
                count++;
                HttpResponse<String> response = call(probe, tokens.get(caller));
                int status = response.statusCode();
                boolean seesA = response.body().contains(probe.marker());
                boolean ok = switch (caller) {
                    case OWN_CLIENT -> (status == 200 || status == 201) && seesA;
                    // Another agency: A's record does not exist for it (404, or a field naming what it lacks), and no list shows it.
                    case OTHER_AGENCYS_CLIENT -> !seesA && (status == 404 || status == 400 || status == 200 && probe.body() == null);
                    case STUDENT_OF_A -> status == 403 && !seesA;
                    case ANONYMOUS -> status == 401 && !seesA;
                };
                if (!ok) {
                    failures.put(probe.operation() + " as " + caller, status + " " + response.body().substring(0, Math.min(200, response.body().length())));
                }
                if (caller != Caller.OWN_CLIENT && status != 200 && status != 201) {
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    if (!type.startsWith("application/problem+json")) {
                        failures.put(probe.operation() + " as " + caller + " (content type)", type);
                    }
                }
            }
        }
        System.out.println("API isolation matrix: " + count + " probes over " + probes.size() + " operations, " + failures.size() + " failures");
        assertThat(failures).as("API probes that went wrong (operation as caller -> status body)").isEmpty();
    }

    private static HttpResponse<String> call(Probe probe, String token) {
        String method = probe.operation().substring(0, probe.operation().indexOf(' '));
        HttpRequest.Builder request = ApiCalls.request(probe.path().get(), token);
        if (probe.body() != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(probe.body().get()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return ApiCalls.send(request.build());
    }

    /** "GET /api/v1/students" for every operation of every path of the OpenAPI document. */
    private static Set<String> documentedOperations() {
        JsonObject paths = ApiCalls.openApi().getJsonObject("paths");
        Set<String> operations = new TreeSet<>();
        for (String path : paths.keySet()) {
            for (String method : paths.getJsonObject(path).keySet()) {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        assertThat(operations).as("the OpenAPI document lists the API").isNotEmpty();
        return operations;
    }

    private Map<Caller, String> setUp() {
        agencyA = fixtures.agency();
        AgencyView agencyB = fixtures.agency();
        String studentEmail = Fixtures.unique("api-student") + "@student.example";
        as.staff(agencyA.id(), () -> {
            cohort = fixtures.cohort();
            student = fixtures.student(cohort, studentEmail);
            attending = fixtures.attending("Internal Medicine");
            rotation = fixtures.rotation(student, attending, 20);
            letter = letters.plan(new NewLetterRequest(student.id(), attending.id(), rotation.id(), null));
            return null;
        });
        as.staff(agencyB.id(), () -> fixtures.student(fixtures.cohort()));
        NewApiClient own = as.admin(agencyA.id(), () -> apiClients.create("Matrix A"));
        NewApiClient other = as.admin(agencyB.id(), () -> apiClients.create("Matrix B"));
        KeycloakRealm.ensureMember(keycloak.organizationId(agencyA.slug()).orElseThrow(), studentEmail, org.lorkit.application.Roles.STUDENT);
        KeycloakRealm.giveDemoPassword(studentEmail);
        Map<Caller, String> tokens = new java.util.EnumMap<>(Caller.class);
        tokens.put(Caller.OWN_CLIENT, ApiCalls.token(own.client().clientId(), own.secret()));
        tokens.put(Caller.OTHER_AGENCYS_CLIENT, ApiCalls.token(other.client().clientId(), other.secret()));
        tokens.put(Caller.STUDENT_OF_A, KeycloakRealm.accessToken(studentEmail));
        tokens.put(Caller.ANONYMOUS, null);
        return tokens;
    }
}
