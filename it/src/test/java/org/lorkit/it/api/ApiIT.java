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
import org.lorkit.application.roster.RosterColumns;
import org.lorkit.application.roster.RosterCsv;
import org.lorkit.application.roster.RosterDirectory;
import org.lorkit.application.roster.RowProblem;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.it.support.ApiCalls;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.InsideLorKit;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as an agency's system uses it: an admin makes an API client, the system gets a token by the client credentials
 * grant and reads its agency's letter requests a page at a time (ETag, 304), is refused a student with a bad field with
 * the roster import's words for it, cannot tell another agency's record from a missing one, and can no longer get a
 * token once the client is revoked.
 */
class ApiIT extends InsideLorKit {
    @Inject
    ApiClientService apiClients;
    @Inject
    LetterRequestService letters;

    private record Agency(AgencyView agency, CohortView cohort, StudentView student, LetterRequestView letter) {
    }

    private Agency agencyWithALetter() {
        AgencyView agency = fixtures.agency();
        return as.staff(agency.id(), () -> {
            CohortView cohort = fixtures.cohort();
            StudentView student = fixtures.student(cohort);
            fixtures.student(cohort);
            AttendingView attending = fixtures.attending("Internal Medicine");
            RotationView rotation = fixtures.rotation(student, attending, 20);
            LetterRequestView letter = letters.plan(new NewLetterRequest(student.id(), attending.id(), rotation.id(), null));
            return new Agency(agency, cohort, student, letter);
        });
    }

    @Test
    void an_agencys_system_reads_its_own_letters_and_is_refused_a_bad_student_with_the_rosters_words() {
        Agency mine = agencyWithALetter();
        Agency other = agencyWithALetter();
        NewApiClient client = as.admin(mine.agency().id(), () -> apiClients.create("Our CRM"));
        assertThat(client.secret()).isNotBlank();
        assertThat(as.admin(mine.agency().id(), () -> apiClients.list())).extracting(c -> c.name()).contains("Our CRM");
        String token = ApiCalls.token(client.client().clientId(), client.secret());
        System.out.println("API session: POST " + ApiCalls.TOKEN_URL + " grant_type=client_credentials client_id="
                + client.client().clientId() + " -> access token of " + token.length() + " characters");

        // A token in the address would be written down by every proxy and log on the way: only the header counts.
        HttpResponse<String> inTheQuery = ApiCalls.get("/letter-requests?access_token=" + token, null);
        assertThat(inTheQuery.statusCode()).as("a token in the query string").isEqualTo(401);

        // The agency's letter requests, with their state.
        HttpResponse<String> list = ApiCalls.get("/letter-requests?size=100", token);
        transcript("GET /api/v1/letter-requests?size=100", list);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonObject page = ApiCalls.json(list);
        assertThat(page.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(item -> item.getJsonNumber("id").longValue()).contains(mine.letter().id()).doesNotContain(other.letter().id());
        assertThat(page.getJsonArray("items").getValuesAs(JsonObject.class)).extracting(item -> item.getString("state")).contains("PLANNED");

        // One of them, with its history.
        HttpResponse<String> one = ApiCalls.get("/letter-requests/" + mine.letter().id(), token);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(ApiCalls.json(one).getJsonArray("history")).isNotNull();

        // Another agency's letter is "not found", word for word as an id that does not exist.
        HttpResponse<String> others = ApiCalls.get("/letter-requests/" + other.letter().id(), token);
        HttpResponse<String> missing = ApiCalls.get("/letter-requests/999999999", token);
        transcript("GET /api/v1/letter-requests/" + other.letter().id() + " (another agency's)", others);
        assertThat(others.statusCode()).isEqualTo(404);
        assertThat(others.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(ApiCalls.json(others).getString("detail")).isEqualTo("No letter request with id " + other.letter().id());
        assertThat(ApiCalls.json(others).getString("type")).isEqualTo(ApiCalls.json(missing).getString("type"));
        assertThat(ApiCalls.get("/students/" + other.student().id(), token).statusCode()).isEqualTo(404);

        // A student with a bad email: the problem names the field, in the words the roster import uses for that cell.
        HttpResponse<String> refused = ApiCalls.post("/students", token, """
                {"cohort":"%s","fullName":"Priya Raman","email":"priya.raman-at-school","targetSpecialties":["Internal Medicine"]}"""
                .formatted(mine.cohort().name()));
        transcript("POST /api/v1/students (email priya.raman-at-school)", refused);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonObject problem = ApiCalls.json(refused);
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("type")).isEqualTo("urn:lorkit:problem:validation");
        List<JsonObject> errors = problem.getJsonArray("errors").getValuesAs(JsonObject.class);
        String rosterWords = rosterProblem(mine, "priya.raman-at-school");
        assertThat(errors).extracting(e -> e.getString("field") + ": " + e.getString("message")).containsExactly("email: " + rosterWords);
        assertThat(ApiCalls.get("/students?size=100", token).body()).as("nothing half-saved").doesNotContain("Priya Raman");

        // A good one is enrolled, and read back.
        HttpResponse<String> enrolled = ApiCalls.post("/students", token, """
                {"cohort":"%s","fullName":"Priya Raman","email":"%s","targetSpecialties":["Internal Medicine"]}"""
                .formatted(mine.cohort().name(), Fixtures.unique("priya") + "@school.example"));
        assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);
        String location = enrolled.headers().firstValue("Location").orElseThrow();
        assertThat(ApiCalls.get(location, token).statusCode()).isEqualTo(200);

        // Revoked: the client credentials grant fails from then on.
        as.admin(mine.agency().id(), () -> apiClients.revoke(client.client().id()));
        HttpResponse<String> afterRevoke = ApiCalls.clientCredentials(client.client().clientId(), client.secret());
        transcript("POST token endpoint after revocation", afterRevoke);
        assertThat(afterRevoke.statusCode()).isIn(400, 401);
        assertThat(as.admin(mine.agency().id(), () -> apiClients.list()))
                .filteredOn(c -> c.id() == client.client().id()).singleElement().satisfies(c -> assertThat(c.isActive()).isFalse());
    }

    @Test
    void lists_come_a_page_at_a_time_with_links_and_an_etag_that_answers_304() {
        Agency mine = agencyWithALetter();
        NewApiClient client = as.admin(mine.agency().id(), () -> apiClients.create("Paging system"));
        String token = ApiCalls.token(client.client().clientId(), client.secret());

        HttpResponse<String> first = ApiCalls.get("/students?page=1&size=1", token);
        assertThat(first.statusCode()).isEqualTo(200);
        JsonObject body = ApiCalls.json(first);
        assertThat(body.getJsonNumber("total").longValue()).isEqualTo(2);
        assertThat(body.getJsonArray("items")).hasSize(1);
        assertThat(body.getJsonObject("links").getString("next")).contains("page=2").contains("size=1");
        assertThat(first.headers().allValues("Link")).anyMatch(link -> link.contains("rel=\"next\""));
        HttpResponse<String> second = ApiCalls.get(body.getJsonObject("links").getString("next"), token);
        assertThat(ApiCalls.json(second).getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue())
                .isNotEqualTo(body.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
        assertThat(ApiCalls.json(second).getJsonObject("links").containsKey("next")).isFalse();

        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]{43}\"");
        HttpResponse<String> unchanged = ApiCalls.send(ApiCalls.request("/students?page=1&size=1", token).header("If-None-Match", etag).GET().build());
        transcript("GET /api/v1/students?page=1&size=1", first);
        transcript("GET /api/v1/students?page=1&size=1 If-None-Match: " + etag, unchanged);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        // A change of what the page shows changes its tag.
        as.staff(mine.agency().id(), () -> fixtures.student(mine.cohort()));
        HttpResponse<String> changed = ApiCalls.send(ApiCalls.request("/students?page=1&size=1", token).header("If-None-Match", etag).GET().build());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);

        // Out of bounds: a validation problem naming the parameter.
        HttpResponse<String> tooBig = ApiCalls.get("/students?size=101", token);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(ApiCalls.json(tooBig).getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("size");
        assertThat(ApiCalls.json(ApiCalls.get("/students?page=0", token)).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("page");
    }

    @Test
    void without_a_token_the_api_answers_401_not_the_login_page() {
        for (String accept : List.of("application/json", "*/*")) {
            HttpResponse<String> response = ApiCalls.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ApiCalls.API + "/students"))
                    .header("Accept", accept).GET().build());
            transcript("GET /api/v1/students without a token, Accept: " + accept, response);
            assertThat(response.statusCode()).as("Accept: " + accept).isEqualTo(401);
            assertThat(response.headers().firstValue("Location")).isEmpty();
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(ApiCalls.json(response).getString("type")).isEqualTo("urn:lorkit:problem:unauthorized");
        }
        JsonObject document = ApiCalls.openApi();
        assertThat(document.getJsonObject("paths").keySet()).contains("/api/v1/students", "/api/v1/students/{id}",
                "/api/v1/rotations", "/api/v1/letter-requests", "/api/v1/letter-requests/{id}", "/api/v1/cohorts/{id}/dashboard");
    }

    /** What the roster import says of this student email in the cohort's row, under the API's field names. */
    private String rosterProblem(Agency agency, String email) {
        List<RowProblem> problems = as.staff(agency.agency().id(), () -> RosterCsv.checkStudent(Map.of(
                RosterColumns.STUDENT_EMAIL, email, RosterColumns.STUDENT_NAME, "Priya Raman", RosterColumns.COHORT, agency.cohort().name(),
                RosterColumns.TARGET_SPECIALTY, "Internal Medicine"),
                RosterDirectory.of(List.of(), Map.of(), Map.of(), Set.of())).problems())
                .stream().filter(p -> p.column().equals(RosterColumns.STUDENT_EMAIL)).toList();
        assertThat(problems).hasSize(1);
        return problems.get(0).message().replace(RosterColumns.STUDENT_EMAIL, "email");
    }

    /** What the exchange looked like, for the test's log: the status, the headers a client reads, the start of the body. */
    private static void transcript(String request, HttpResponse<String> response) {
        StringBuilder line = new StringBuilder("API session: ").append(request).append(" -> ").append(response.statusCode());
        for (String header : List.of("Content-Type", "ETag", "Link", "WWW-Authenticate", "Location")) {
            response.headers().allValues(header).forEach(value -> line.append("\n    ").append(header).append(": ").append(value));
        }
        String body = response.body();
        line.append("\n    ").append(body.length() > 600 ? body.substring(0, 600) + "..." : body);
        System.out.println(line);
    }
}
