package org.lorkit.it.security;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lorkit.application.Roles;
import org.lorkit.application.agency.AgencySettings;
import org.lorkit.application.agency.AgencySettingsService;
import org.lorkit.application.attending.AttendingService;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.attending.NewAttending;
import org.lorkit.application.cohort.CohortView;
import org.lorkit.application.dashboard.CompletionDashboard;
import org.lorkit.application.dashboard.StudentQuery;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.kit.WorkLogService;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.link.AttendingLinkService;
import org.lorkit.application.link.AttendingLinkService.Answer;
import org.lorkit.application.link.AttendingLinkService.Problem;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.roster.ImportState;
import org.lorkit.application.roster.RosterColumns;
import org.lorkit.application.roster.RosterImportService;
import org.lorkit.application.roster.RosterPreview;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.cohort.CohortService;
import org.lorkit.application.student.NewStudent;
import org.lorkit.application.student.StudentService;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.attending.AttendingTitle;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.link.LinkPurpose;
import org.lorkit.domain.worklog.WorkLogKind;
import org.lorkit.infrastructure.keycloak.KeycloakDirectory;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.MailLinks;
import org.lorkit.it.support.RosterRows;
import org.lorkit.it.support.Fixtures;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.KeycloakRealm;
import org.lorkit.it.support.SamplePdfs;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker would try, each as a user would notice it: markup typed by one person never runs in another's
 * page or email; a state change needs the page's own form; no redirect goes where a request says; stored files are
 * inert attachments and paths lead nowhere; an attending's link answers only for its own request and purpose.
 * (Uploads that are not what they claim: KitIT and StudentKitBrowserIT; guessing links at volume: AttendingLinkIT.)
 */
class AbuseIT extends InsideLorKit {
    private static final String APP = "http://localhost:8080";
    private static final String SCRIPT = "<script>alert('lorkit')</script>";
    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String IMG_AS_TEXT = "&lt;img src=x onerror=alert(1)&gt;";
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Inject
    StudentService students;
    @Inject
    AttendingService attendings;
    @Inject
    CohortService cohorts;
    @Inject
    RosterImportService roster;
    @Inject
    WorkLogService worklog;
    @Inject
    KitService kits;
    @Inject
    LetterRequestService letters;
    @Inject
    AttendingLinkService links;
    @Inject
    OutboxSender sender;
    @Inject
    CompletionDashboard dashboard;
    @Inject
    AgencySettingsService settings;
    @Inject
    KeycloakDirectory keycloak;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    /** A kit sent to an attending, with both links from the email. */
    record Sent(long agency, StudentView student, AttendingView attending, RotationView rotation, long request,
                Inbox.Mail mail, String kitToken, String confirmToken) {
    }

    @Test
    void markup_typed_by_one_person_reaches_the_others_as_text_in_pages_and_emails() throws Exception {
        long agency = fixtures.agency().id();
        as.admin(agency, () -> settings.update(new AgencySettings("Bridge " + IMG, null, "America/Chicago",
                org.lorkit.application.agency.LetterRules.defaults())));
        Sent sent = sendKit(agency, "Amara " + IMG + " Okafor", "Dr. " + SCRIPT + " Patel",
                List.of("Followed six patients " + IMG, "Presented " + SCRIPT, "Wrote daily progress notes",
                        "Followed up on pending results", "Led a family meeting"));
        as.ownerStudent(agency, () -> worklog.add(sent.rotation().id(), LocalDate.of(2026, 10, 5), WorkLogKind.PRESENTATION, "A case " + IMG));
        StudentView formula = as.staff(agency, () -> students.enroll(new NewStudent(sent.student().cohortId(),
                "=HYPERLINK(\"http://attacker.example\",\"open\")", Fixtures.unique("formula") + "@student.example",
                null, null, null, List.of("Internal Medicine"))));

        // A roster file whose names, school, site and attending carry markup, imported by staff
        String cohortName = as.staff(agency, () -> cohorts.find(sent.student().cohortId())).orElseThrow().name();
        String importedEmail = Fixtures.unique("imported") + "@student.example";
        String row = String.join(",", importedEmail, "Imported " + IMG, cohortName, "School " + SCRIPT, "Nigeria", "Internal Medicine",
                "Site " + IMG, "Internal Medicine", "inpatient", "hands-on", "yes", "2026-10-05", "2026-11-01", "Dr. " + IMG + " Imported",
                Fixtures.unique("imported") + "@hospital.example", "attending", "Internal Medicine", "yes", "10");
        byte[] file = (String.join(",", RosterColumns.ALL) + "\n" + row + "\n").getBytes(StandardCharsets.UTF_8);
        RosterPreview preview = as.staff(agency, () -> roster.preview(file));
        assertThat(preview.problems()).isEmpty();
        as.staff(agency, () -> roster.confirm(preview.importId()));
        assertThat(RosterRows.awaitFinished(as, roster, agency, preview.importId(), Duration.ofMinutes(1)).state()).isEqualTo(ImportState.DONE);
        long imported = as.staff(agency, () -> students.listByCohort(sent.student().cohortId())).stream()
                .filter(s -> s.email().equals(importedEmail)).findFirst().orElseThrow().id();

        // The attending's email and kit page: the student's name and bullets, the agency's sender name
        assertThat(sent.mail().html()).doesNotContain(IMG, SCRIPT).contains(IMG_AS_TEXT);
        String kitPage = page("/a/kit.xhtml?t=" + sent.kitToken(), null).body();
        assertThat(kitPage).doesNotContain(IMG, SCRIPT).contains(IMG_AS_TEXT);

        // The attending declines with a note for the agency; staff keep a note
        assertThat(links.answer(sent.kitToken(), LinkPurpose.KIT, Answer.DECLINE, null, "Sorry " + SCRIPT, "abuse-test").problem()).isNull();
        as.staff(agency, () -> dashboard.addNote(sent.student().id(), "Call back " + IMG));

        // Staff read all of it on the student's page and the dashboard
        String staff = staffLogin(agency);
        String studentPage = page("/agency/student.xhtml?id=" + sent.student().id(), staff).body();
        assertThat(studentPage).doesNotContain(IMG, SCRIPT)
                .contains(IMG_AS_TEXT, "Call back " + IMG_AS_TEXT, "Sorry &lt;script&gt;", "The attending's note for the agency");
        String importedPage = page("/agency/student.xhtml?id=" + imported, staff).body();
        assertThat(importedPage).doesNotContain(IMG, SCRIPT).contains("Imported " + IMG_AS_TEXT);
        String directory = page("/agency/directory.xhtml", staff).body();
        assertThat(directory).doesNotContain(IMG, SCRIPT).contains("Dr. " + IMG_AS_TEXT + " Imported");
        String dashboardPage = page("/agency/dashboard.xhtml", staff).body();
        assertThat(dashboardPage).doesNotContain(IMG, SCRIPT);

        // A name that is a spreadsheet formula is exported as text
        String csv = as.staff(agency, () -> dashboard.exportCsv(new StudentQuery(null, null, null, null, "name", true, 0, 500, null)).text());
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK", "\n=HYPERLINK", "\"=HYPERLINK");
        assertThat(formula.fullName()).startsWith("=HYPERLINK");
    }

    @Test
    void a_state_change_needs_the_pages_own_form_and_never_happens_on_get() throws Exception {
        long agency = fixtures.agency().id();
        StudentView student = as.staff(agency, () -> fixtures.student(fixtures.cohort()));
        String staff = staffLogin(agency);
        Session browser = new Session(KeycloakRealm.accessToken(staff));
        String path = "/agency/student.xhtml?id=" + student.id();
        String viewState = viewState(browser.get(path).body());

        String form = "note-form=note-form&note-form:add-note=note-form:add-note&note-form:note=";
        HttpResponse<String> withoutState = browser.post(path, form + "forged+without+state");
        HttpResponse<String> forgedState = browser.post(path, form + "forged+state&jakarta.faces.ViewState=" + enc("-4172:8391"));
        HttpResponse<String> onGet = browser.get(path + "&" + form + "on+get");
        for (HttpResponse<String> response : List.of(withoutState, forgedState, onGet)) {
            assertThat(response.body()).as("never a stack trace").doesNotContain("Exception", "\tat org.");
        }
        assertThat(notes(agency, student.id())).as("no note from a request without the page's own form").isEmpty();

        browser.post(path, form + "kept+through+the+page&jakarta.faces.ViewState=" + enc(viewState));
        assertThat(notes(agency, student.id())).as("the page's own form keeps the note").containsExactly("kept through the page");
    }

    @Test
    void no_redirect_goes_to_an_address_taken_from_the_request() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String evil = "https://attacker.example/";

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(APP + "/agency/dashboard.xhtml?redirect=" + enc(evil)
                + "&next=" + enc(evil) + "&returnTo=" + enc(evil))).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        String toKeycloak = login.headers().firstValue("Location").orElseThrow();
        assertThat(toKeycloak).startsWith(KeycloakRealm.REALM + "/protocol/openid-connect/auth");
        // The way back is the page asked for, on LorKit's own address; its query (kept so that a deep link survives the
        // sign-in) is only that page's parameters, which never name where to go.
        URI back = URI.create(redirectUri(toKeycloak));
        assertThat(back.getScheme() + "://" + back.getRawAuthority() + back.getRawPath()).isEqualTo(APP + "/agency/dashboard.xhtml");

        HttpResponse<String> logout = http.send(HttpRequest.newBuilder(URI.create(APP + "/logout?redirect=" + enc(evil)
                + "&post_logout_redirect_uri=" + enc(evil))).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        // Signed out already, /logout asks for a sign-in first; the way back is /logout itself, never the address in the query
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(location -> {
            URI next = URI.create(location.contains("redirect_uri=") ? redirectUri(location) : location);
            assertThat(next.getHost()).isIn("localhost", null);
        });

        // Keycloak returns a login only to LorKit's registered address, whatever the request asks for
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(KeycloakRealm.REALM
                + "/protocol/openid-connect/auth?client_id=lorkit-portal&response_type=code&scope=openid&redirect_uri=" + enc(evil)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(refused.body()).contains("Invalid parameter: redirect_uri");

        // A forged Host header: LorKit may echo it, Keycloak refuses to return there
        String forgedHost = rawGet("/agency/dashboard.xhtml", "attacker.example");
        Matcher location = Pattern.compile("(?im)^Location: (\\S+)").matcher(forgedHost);
        assertThat(location.find()).as(forgedHost).isTrue();
        String uri = redirectUri(location.group(1));
        if (!uri.startsWith(APP + "/")) {
            HttpResponse<String> hostRefused = http.send(HttpRequest.newBuilder(URI.create(location.group(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(hostRefused.statusCode()).as("Keycloak on " + uri).isEqualTo(400);
            assertThat(hostRefused.headers().firstValue("Location")).isEmpty();
        }
    }

    @Test
    void stored_files_are_inert_attachments_and_paths_lead_nowhere() throws Exception {
        long agency = fixtures.agency().id();
        byte[] polyglot = polyglot();
        Sent sent = sendKit(agency, "Amara Okafor", "Dr. Anjali Patel", null, polyglot);

        HttpResponse<byte[]> cv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(APP + "/a/download/cv?t=" + sent.kitToken())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(cv.statusCode()).isEqualTo(200);
        assertThat(cv.body()).as("a PDF that also holds HTML is kept as sent").isEqualTo(polyglot);
        assertThat(cv.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(cv.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).startsWith("attachment;"));
        assertThat(cv.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(cv.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(value -> assertThat(value).contains("sandbox", "default-src 'none'"));
        assertThat(cv.headers().firstValue("Cache-Control")).as("a student's document stays out of caches").hasValueSatisfying(value -> assertThat(value).contains("no-store"));

        assertThat(page("/a/download/kit?t=" + sent.confirmToken(), null).statusCode()).as("a confirm link reads no document").isEqualTo(404);
        String staff = staffLogin(agency);
        HttpResponse<String> kit = page("/download/kit?request=" + sent.request(), staff);
        assertThat(kit.statusCode()).as("staff download the same kit").isEqualTo(200);
        assertThat(kit.headers().firstValue("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).startsWith("attachment;"));
        assertThat(kit.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(value -> assertThat(value).contains("sandbox"));
        assertThat(kit.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        for (String path : List.of("/a/download/..%2F..%2FWEB-INF%2Fweb.xml?t=" + sent.kitToken(),
                "/a/download/%2e%2e/%2e%2e/WEB-INF/web.xml?t=" + sent.kitToken(),
                "/download/document?id=..%2F..%2F..%2Fetc%2Fpasswd",
                "/download/..%2F..%2Fstandalone%2Fconfiguration%2Florkit.xml",
                "/jakarta.faces.resource/..%2FWEB-INF%2Fweb.xml.xhtml",
                "/jakarta.faces.resource/web.xml.xhtml?ln=..%2FWEB-INF",
                "/jakarta.faces.resource/lorkit.css.xhtml?ln=..%2F..%2FWEB-INF%2Fclasses")) {
            HttpResponse<String> response = page(path, staff);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("<web-app", "root:", "<server", "Exception", "\tat org.");
        }
    }

    @Test
    void an_attendings_link_answers_only_for_its_own_request_and_purpose() throws Exception {
        long agency = fixtures.agency().id();
        Sent first = sendKit(agency, "Amara Okafor", "Dr. Anjali Patel", null);
        Sent other = sendKit(fixtures.agency().id(), "Rahul Mehta", "Dr. Maria Lopez", null);

        assertThat(links.answer(first.confirmToken(), LinkPurpose.CONFIRM, Answer.DECLINE, null, "no", "abuse-test").problem())
                .as("the confirm link cannot decline").isEqualTo(Problem.WRONG_PURPOSE);
        assertThat(links.answer(first.kitToken(), LinkPurpose.CONFIRM, Answer.CONFIRM, null, null, "abuse-test").problem())
                .as("the kit link is not the confirm link").isEqualTo(Problem.WRONG_PURPOSE);
        assertThat(links.document(first.confirmToken(), "cv", "abuse-test").problem()).isEqualTo(Problem.WRONG_PURPOSE);

        // The page of the first request, answered with the other request's token slipped into the form: the page reads
        // its token from its address only.
        Session attending = new Session(null);
        assertThat(attending.get("/a/kit.xhtml?t=" + first.kitToken()).body()).contains("id=\"answers:decline\"");
        attending.post("/a/kit.xhtml?t=" + first.kitToken(), "answer=decline&note=swapped&t=" + other.kitToken());

        assertThat(state(other)).as("the other agency's request").isEqualTo(LetterState.KIT_SENT);
        assertThat(state(first)).as("the page answers for the request it was opened with").isEqualTo(LetterState.DECLINED);
    }

    // --- the kit, sent ---

    private Sent sendKit(long agency, String studentName, String attendingName, List<String> bullets) throws Exception {
        return sendKit(agency, studentName, attendingName, bullets, null);
    }

    private Sent sendKit(long agency, String studentName, String attendingName, List<String> bullets, byte[] cv) throws Exception {
        Object[] made = new Object[3];
        as.staff(agency, () -> {
            CohortView cohort = fixtures.cohort();
            made[0] = students.enroll(new NewStudent(cohort.id(), studentName, Identities.OWNER_STUDENT,
                    "University of Lagos", "Nigeria", "14029381", List.of("Internal Medicine")));
            made[1] = attendings.addToDirectory(new NewAttending(attendingName, Fixtures.unique("writer") + "@hospital.example",
                    AttendingTitle.ATTENDING, "Internal Medicine", true, "St. Mary's Medical Center"));
            made[2] = fixtures.rotation((StudentView) made[0], (AttendingView) made[1], 24);
            return null;
        });
        StudentView student = (StudentView) made[0];
        AttendingView attending = (AttendingView) made[1];
        RotationView rotation = (RotationView) made[2];
        long request = cv == null ? fixtures.readyKit(agency, student, attending, rotation)
                : fixtures.readyKit(agency, student, attending, rotation, cv, SamplePdfs.pages(1, "Statement"));
        as.ownerStudent(agency, () -> {
            if (bullets != null) {
                worklog.keepBullets(rotation.id(), bullets);
            }
            return kits.send(request);
        });
        sender.sendDue();
        Inbox.Mail mail = Inbox.await(attending.email(), 1, Duration.ofSeconds(20)).get(0);
        return new Sent(agency, student, attending, rotation, request, mail, MailLinks.token(MailLinks.KIT_LINK, mail.text()), MailLinks.token(MailLinks.CONFIRM_LINK, mail.text()));
    }

    private LetterState state(Sent sent) {
        return as.staff(sent.agency(), () -> letters.find(sent.request())).orElseThrow().state();
    }

    private List<String> notes(long agency, long student) {
        return as.staff(agency, () -> dashboard.timeline(student)).notes().stream().map(note -> note.text()).toList();
    }

    /** A login for a new staff member of the agency, as an admin's invitation makes it, with the demo password. */
    private String staffLogin(long agency) {
        String email = Fixtures.unique("staff") + "@agency.example";
        String organization = keycloak.organizationId(slug(agency)).orElseThrow();
        keycloak.invite(organization, email, "Sam", "Staff", Roles.AGENCY_STAFF);
        KeycloakRealm.giveDemoPassword(email);
        return email;
    }

    private String slug(long agency) {
        try (Connection db = dataSource.getConnection(); PreparedStatement query = db.prepareStatement("SELECT slug FROM agency WHERE id = ?")) {
            query.setLong(1, agency);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real PDF that is also an HTML page with a script, for a browser that would sniff it. */
    private static byte[] polyglot() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SamplePdfs.pages(1, "CV"));
        out.writeBytes("\n<html><body><script>alert(document.cookie)</script></body></html>\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    // --- HTTP ---

    private static HttpResponse<String> page(String path, String user) {
        return KeycloakRealm.page(path, user);
    }

    /** One browser-like session: cookies kept, a bearer token when logged in, redirects not followed. */
    private static final class Session {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String bearer;

        Session(String bearer) {
            this.bearer = bearer;
        }

        HttpResponse<String> get(String path) {
            return send(request(path).GET());
        }

        HttpResponse<String> post(String path, String form) {
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(APP + path)).header("Accept", "text/html");
            return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A GET with a Host header of our choosing, which Java's HTTP client does not allow. */
    private static String rawGet(String path, String host) throws Exception {
        try (Socket socket = new Socket("localhost", 8080)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String redirectUri(String authorizationUrl) {
        Matcher matcher = Pattern.compile("[?&]redirect_uri=([^&]+)").matcher(authorizationUrl);
        assertThat(matcher.find()).as(authorizationUrl).isTrue();
        return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }

    private static String viewState(String page) {
        Matcher matcher = VIEW_STATE.matcher(page);
        assertThat(matcher.find()).as("the page has a form").isTrue();
        return matcher.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
