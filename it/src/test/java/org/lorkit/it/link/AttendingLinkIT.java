package org.lorkit.it.link;

import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.kit.DocumentService;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.kit.WorkLogService;
import org.lorkit.application.letter.LetterEventView;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.link.AttendingLinkService;
import org.lorkit.application.link.AttendingLinkService.Answer;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.link.CapabilityToken;
import org.lorkit.domain.link.LinkPurpose;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.Inbox;
import org.lorkit.it.support.InsideLorKit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lorkit.it.support.MailLinks.CONFIRM_LINK;
import static org.lorkit.it.support.MailLinks.KIT_LINK;
import static org.lorkit.it.support.MailLinks.token;

/**
 * The attending's email and links, against the real SMTP server of the tests: the kit email read back,
 * links that only show pages on GET and HEAD, answers that are safe to repeat and can be undone, and a
 * page for every kind of bad link.
 */
class AttendingLinkIT extends InsideLorKit {
    @Inject
    LetterRequestService letters;
    @Inject
    DocumentService documents;
    @Inject
    WorkLogService worklog;
    @Inject
    KitService kits;
    @Inject
    AttendingLinkService links;
    @Inject
    org.lorkit.application.link.LinkManagementService linkManagement;
    @Inject
    OutboxSender sender;
    @Inject
    Clocks clocks;
    @Inject
    org.lorkit.application.reminder.ReminderScheduler reminders;
    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/LorKitDS")
    javax.sql.DataSource dataSource;

    private long agency;
    private String agencySlug;
    private StudentView student;
    private AttendingView patel;
    private long requestId;
    private long rotationId;

    @BeforeEach
    void aKitReadyToSend() {
        org.lorkit.application.agency.AgencyView made = fixtures.agency();
        agency = made.id();
        agencySlug = made.slug();
        RotationView rotation = as.staff(agency, () -> {
            student = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            patel = fixtures.attending("Internal Medicine");
            return fixtures.rotation(student, patel, 24);
        });
        rotationId = rotation.id();
        requestId = fixtures.readyKit(agency, student, patel, rotation);
    }

    @AfterEach
    void backToRealTime() {
        clocks.reset();
    }

    private Inbox.Mail sendKit() throws Exception {
        as.ownerStudent(agency, () -> kits.send(requestId));
        sender.sendDue();
        List<Inbox.Mail> received = Inbox.await(patel.email(), 1, Duration.ofSeconds(20));
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    @Test
    void the_kit_email_has_the_subject_both_links_the_ics_and_the_student_as_reply_to() throws Exception {
        Inbox.Mail mail = sendKit();

        assertThat(mail.subject()).isEqualTo("Letter of recommendation request – Amara Okafor, Internal Medicine October 2026");
        assertThat(mail.message().getReplyTo()).extracting(Object::toString).containsExactly(Identities.OWNER_STUDENT);
        assertThat(mail.message().getHeader("Message-ID")[0]).startsWith("<outbox-");
        assertThat(mail.text()).contains("ERAS AAMC ID: 14029381", "Deadline: ", "AAMC will email you a separate upload link",
                "a PDF of at most 1 MB", "\"Dear Program Director\"");
        String kitToken = token(KIT_LINK, mail.text());
        String confirmToken = token(CONFIRM_LINK, mail.text());
        assertThat(mail.html()).contains("Open the kit", kitToken, confirmToken);
        String deadline = LocalDate.now(ZoneOffset.UTC).plusDays(24).toString().replace("-", "");
        assertThat(mail.ics()).contains("BEGIN:VCALENDAR", "DTSTART;VALUE=DATE:" + deadline, "SEQUENCE:0", "\r\n");
        // A calendar keeps and syncs the event: it says where the link is, and holds none.
        assertThat(mail.ics().replace("\r\n ", "")).contains("use the link in the email from")
                .doesNotContain(kitToken, confirmToken, "http", "?t=");
        java.time.Instant stamp = java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .parse(token(Pattern.compile("\r\nDTSTAMP:(\\d{8}T\\d{6}Z)\r\n"), mail.ics()), java.time.Instant::from);
        assertThat(stamp).as("DTSTAMP: when the event was made, not the deadline")
                .isBetween(java.time.Instant.now().minus(Duration.ofMinutes(5)), java.time.Instant.now());
        assertThat(as.ownerStudent(agency, () -> letters.find(requestId)).orElseThrow().state()).isEqualTo(LetterState.KIT_SENT);

        assertThat(columnsHolding(kitToken)).as("the raw kit token is nowhere in the database").isEmpty();
        assertThat(columnsHolding(confirmToken)).as("the raw confirm token is nowhere in the database").isEmpty();
    }

    @Test
    void opening_the_links_with_get_and_head_changes_nothing_and_a_button_answers_once() throws Exception {
        Inbox.Mail mail = sendKit();
        String kitToken = token(KIT_LINK, mail.text());
        String confirmToken = token(CONFIRM_LINK, mail.text());
        List<LetterEventView> before = as.ownerStudent(agency, () -> letters.history(requestId));

        HttpClient http = HttpClient.newHttpClient();
        for (String url : List.of("/a/kit.xhtml?t=" + kitToken, "/a/confirm.xhtml?t=" + confirmToken, "/a/download/kit?t=" + kitToken,
                "/a/download/cv?t=" + kitToken, "/a/download/statement?t=" + kitToken)) {
            for (String method : List.of("GET", "HEAD", "GET")) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080" + url))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(method + " " + url.substring(0, url.indexOf('?'))).isEqualTo(200);
                assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
                assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
            }
        }
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/a/kit.xhtml?t=" + kitToken)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Letter kit for Amara Okafor", "I will write a strong letter", "Followed six patients daily");
        assertThat(as.ownerStudent(agency, () -> letters.history(requestId))).as("the audit trail after GET and HEAD").isEqualTo(before);

        links.answer(confirmToken, LinkPurpose.CONFIRM, Answer.CONFIRM, null, null, "127.0.0.1");
        links.answer(confirmToken, LinkPurpose.CONFIRM, Answer.CONFIRM, null, null, "127.0.0.1");
        List<LetterEventView> after = as.ownerStudent(agency, () -> letters.history(requestId));
        assertThat(after).hasSize(before.size() + 1).last().extracting(LetterEventView::toState).isEqualTo(LetterState.CONFIRMED);

        AttendingLinkService.Visit undone = links.answer(kitToken, LinkPurpose.KIT, Answer.UNDO, null, null, "127.0.0.1");
        assertThat(undone.page().state()).isEqualTo(LetterState.KIT_SENT);
        assertThat(undone.page().confirmed()).isFalse();
    }

    /**
     * The page is drawn once per link and version and kept: a change to anything it shows is on the next visit, with
     * nothing told to forget it. The student's bullets (rows of their own), then the request's state.
     */
    @Test
    void a_changed_kit_shows_at_once_on_the_kept_page() throws Exception {
        String kitToken = token(KIT_LINK, sendKit().text());
        assertThat(page("/a/kit.xhtml?t=" + kitToken)).contains("Followed six patients daily");
        assertThat(page("/a/kit.xhtml?t=" + kitToken)).as("kept").contains("Followed six patients daily");

        as.ownerStudent(agency, () -> {
            worklog.keepBullets(rotationId, List.of("Ran the ward's morning huddle", "Presented at grand rounds",
                    "Wrote the discharge summaries of the team", "Taught the sub-interns the admission checklist",
                    "Followed up the clinic's abnormal labs"));
            return null;
        });
        assertThat(page("/a/kit.xhtml?t=" + kitToken)).contains("Ran the ward&#39;s morning huddle", "Presented at grand rounds")
                .doesNotContain("Followed six patients daily");

        as.ownerStudent(agency, () -> letters.moveTo(requestId, LetterState.WITHDRAWN, "withdrawn by the student"));
        assertThat(page("/a/kit.xhtml?t=" + kitToken)).contains("This request is closed", "The student withdrew this request")
                .doesNotContain("Presented at grand rounds", "/a/download/");
    }

    /**
     * Answers are posted to the page's own address, whose token says which link answers: a made-up token, the other
     * link's, or none changes nothing and gets the link's page; the right one answers once, with its undo.
     */
    @Test
    void an_answer_posted_with_a_bad_token_changes_nothing_and_the_links_own_answers_once() throws Exception {
        Inbox.Mail mail = sendKit();
        String kitToken = token(KIT_LINK, mail.text());
        String confirmToken = token(CONFIRM_LINK, mail.text());
        List<LetterEventView> before = as.ownerStudent(agency, () -> letters.history(requestId));
        HttpClient http = HttpClient.newHttpClient();

        assertThat(post(http, "/a/kit.xhtml?t=" + CapabilityToken.generate(), "answer=decline&note=no").body()).contains("We do not recognise this link");
        assertThat(post(http, "/a/kit.xhtml", "answer=decline&t=" + kitToken).body()).as("a token in the form is not read")
                .contains("We do not recognise this link");
        assertThat(post(http, "/a/kit.xhtml?t=" + confirmToken, "answer=decline").body()).contains("This link is for something else");
        assertThat(post(http, "/a/confirm.xhtml?t=" + confirmToken, "answer=decline").body()).as("the confirm page only confirms")
                .contains("This link is for something else");
        assertThat(post(http, "/a/kit.xhtml?t=" + kitToken, "answer=remind&remindOn=someday").body())
                .contains("&quot;someday&quot; is not a date", "value=\"someday\"");
        assertThat(as.ownerStudent(agency, () -> letters.history(requestId))).as("nothing recorded").isEqualTo(before);

        HttpResponse<String> confirmed = post(http, "/a/confirm.xhtml?t=" + confirmToken, "answer=confirm");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(confirmed.body()).contains("Thank you: Amara Okafor will be told that you will write the letter.",
                "You confirmed that you will write the letter. Thank you.", "id=\"answers:undo\"");
        post(http, "/a/confirm.xhtml?t=" + confirmToken, "answer=confirm");
        assertThat(as.ownerStudent(agency, () -> letters.history(requestId))).as("answered once").hasSize(before.size() + 1);
        assertThat(page("/a/kit.xhtml?t=" + kitToken)).contains("You confirmed that you will write the letter. Thank you.");

        assertThat(post(http, "/a/kit.xhtml?t=" + kitToken, "answer=undo").body()).contains("Done: your last answer was taken back.");
        assertThat(as.ownerStudent(agency, () -> letters.find(requestId)).orElseThrow().state()).isEqualTo(LetterState.KIT_SENT);
        assertThat(page("/a/kit.xhtml?t=" + kitToken)).contains("id=\"answers:confirm\"").doesNotContain("id=\"answers:undo\"");
    }

    /**
     * A withdrawn request closes its links: the kit page says so and shows no document, every download answers 404,
     * the writer's undo of an earlier answer cannot bring the request back, and no reminder goes out.
     */
    @Test
    void a_withdrawn_request_closes_its_links_and_the_writers_undo_cannot_reopen_it() throws Exception {
        Inbox.Mail mail = sendKit();
        String kitToken = token(KIT_LINK, mail.text());
        links.answer(kitToken, LinkPurpose.KIT, Answer.CONFIRM, null, null, "127.0.0.1");
        as.ownerStudent(agency, () -> letters.moveTo(requestId, LetterState.WITHDRAWN, "withdrawn by the student"));

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/a/kit.xhtml?t=" + kitToken)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("This request is closed", "The student withdrew this request")
                .doesNotContain("Followed six patients daily", "/a/download/", "I will write a strong letter");
        for (String document : List.of("kit", "cv", "statement")) {
            HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080/a/download/" + document + "?t=" + kitToken))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).as("GET /a/download/" + document).isEqualTo(404);
        }

        AttendingLinkService.Visit undone = links.answer(kitToken, LinkPurpose.KIT, Answer.UNDO, null, null, "127.0.0.1");
        assertThat(undone.page().state()).isEqualTo(LetterState.WITHDRAWN);
        assertThat(undone.page().undoable()).isNull();
        assertThat(as.ownerStudent(agency, () -> letters.find(requestId)).orElseThrow().state()).isEqualTo(LetterState.WITHDRAWN);

        clocks.advance(Duration.ofDays(40));
        reminders.sweepAgency(agency);
        sender.sendDue();
        clocks.reset();
        assertThat(Inbox.await(patel.email(), 2, Duration.ofSeconds(3))).as("only the kit email, no reminder").hasSize(1);
    }

    @Test
    void unknown_wrong_purpose_revoked_and_expired_links_each_get_their_page() throws Exception {
        Inbox.Mail mail = sendKit();
        String kitToken = token(KIT_LINK, mail.text());
        String confirmToken = token(CONFIRM_LINK, mail.text());

        assertThat(page("/a/kit.xhtml?t=" + "x".repeat(43))).contains("We do not recognise this link");
        assertThat(page("/a/kit.xhtml?t=" + confirmToken)).contains("This link is for something else", "Email me a fresh link");
        assertThat(page("/a/confirm.xhtml?t=" + kitToken)).contains("This link is for something else");

        clocks.advance(Duration.ofDays(91));
        assertThat(page("/a/kit.xhtml?t=" + kitToken)).contains("This link has expired", "Email me a fresh link");
        clocks.reset();

        as.ownerStudent(agency, () -> linkManagement.revokeLinks(requestId));
        assertThat(page("/a/kit.xhtml?t=" + kitToken)).contains("This link is no longer valid");
        assertThat(page("/a/confirm.xhtml?t=" + confirmToken)).contains("This link is no longer valid");
    }

    @Test
    void guessing_tokens_is_refused_after_twenty_misses_before_any_lookup_until_the_wait_is_over() throws Exception {
        String kitToken = token(KIT_LINK, sendKit().text());
        String guesser = "198.51.100." + (int) (Math.random() * 250);

        for (int i = 0; i < 19; i++) {
            assertThat(links.open(CapabilityToken.generate(), LinkPurpose.KIT, guesser).problem())
                    .isEqualTo(AttendingLinkService.Problem.UNKNOWN);
        }
        AttendingLinkService.Visit twentieth = links.open(CapabilityToken.generate(), LinkPurpose.KIT, guesser);
        assertThat(twentieth.problem()).isEqualTo(AttendingLinkService.Problem.TOO_MANY_ATTEMPTS);
        assertThat(twentieth.retryAfterSeconds()).isBetween(1L, 600L);
        // Refused before its token is looked up: even a real link waits, and it opens for everyone else.
        assertThat(links.open(kitToken, LinkPurpose.KIT, guesser).problem()).isEqualTo(AttendingLinkService.Problem.TOO_MANY_ATTEMPTS);
        assertThat(links.open(kitToken, LinkPurpose.KIT, "192.0.2.1").page().studentName()).isEqualTo("Amara Okafor");

        clocks.advance(Duration.ofSeconds(twentieth.retryAfterSeconds()));
        assertThat(links.open(kitToken, LinkPurpose.KIT, guesser).page().studentName()).isEqualTo("Amara Okafor");
    }

    @Test
    void guessing_over_http_gets_429_with_retry_after_on_the_page_and_the_downloads() throws Exception {
        String kitToken = token(KIT_LINK, sendKit().text());
        HttpClient http = HttpClient.newHttpClient();

        // Every test reaches the server from 127.0.0.1, and other tests' unknown links count too: 429 comes within 20
        // guesses, or 40 should an earlier window end among them.
        HttpResponse<String> refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            HttpResponse<String> guess = get(http, "/a/kit.xhtml?t=" + CapabilityToken.generate());
            if (guess.statusCode() == 429) {
                refused = guess;
            } else {
                assertThat(guess.statusCode()).as("guess %d", i + 1).isEqualTo(200);
                assertThat(guess.body()).contains("We do not recognise this link");
            }
        }
        assertThat(refused).as("a 429 within forty guesses").isNotNull();
        long wait = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(wait).as("Retry-After, in seconds").isBetween(1L, 600L);
        assertThat(refused.body()).contains("Too many attempts");
        assertThat(refused.headers().firstValue("Cache-Control")).contains("no-store");

        // From now on the client is answered before any lookup: the real link's page and PDF wait too.
        HttpResponse<String> page = get(http, "/a/kit.xhtml?t=" + kitToken);
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body()).contains("Too many attempts").doesNotContain("Letter kit for");
        assertThat(Long.parseLong(page.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, wait);
        HttpResponse<String> pdf = get(http, "/a/download/kit?t=" + kitToken);
        assertThat(pdf.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(pdf.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, wait);
        assertThat(pdf.body()).contains("Too many attempts").doesNotContain("%PDF");

        // Once the wait is over the link opens again, and the count is gone for the tests after this one.
        clocks.advance(Duration.ofSeconds(wait));
        assertThat(get(http, "/a/kit.xhtml?t=" + kitToken).statusCode()).isEqualTo(200);
        assertThat(get(http, "/a/download/kit?t=" + kitToken).statusCode()).isEqualTo(200);
    }

    /**
     * Someone asking why an attending's link failed finds it in the log: the line about the refusal names the agency
     * and the request (its X-Request-Id, which the response echoes), and holds neither token.
     */
    @Test
    void a_refused_link_is_logged_under_its_agency_and_request_and_without_its_token() throws Exception {
        Inbox.Mail mail = sendKit();
        String kitToken = token(KIT_LINK, mail.text());
        String confirmToken = token(CONFIRM_LINK, mail.text());
        String logId = "it-" + CapabilityToken.generate().substring(0, 12);

        HttpResponse<String> wrongPurpose = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:8080/a/kit.xhtml?t=" + confirmToken)).header("X-Request-Id", logId).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPurpose.body()).contains("This link is for something else");
        assertThat(wrongPurpose.headers().firstValue("X-Request-Id")).contains(logId);

        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("jboss.server.log.dir"), "server.log");
        List<String> lines;
        try (var all = java.nio.file.Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            lines = all.filter(line -> line.contains(logId)).toList();
        }
        assertThat(lines).as("the lines of request " + logId).anySatisfy(line -> assertThat(line)
                .contains("Attending link", "of letter request " + requestId + " refused: WRONG_PURPOSE", agencySlug));
        // A boolean, so that a failure does not print the tokens either.
        assertThat(lines.stream().noneMatch(line -> line.contains(kitToken) || line.contains(confirmToken)))
                .as("no line of the request holds either token").isTrue();
    }

    private static HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080" + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient http, String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:8080" + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String page(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:8080" + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Every text column of every LorKit table that holds the value, as table.column. */
    private List<String> columnsHolding(String value) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
        DatabaseMetaData meta = connection.getMetaData();
        List<String[]> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, null, "%", "%")) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String type = rs.getString("TYPE_NAME").toUpperCase();
                if (schema != null && (schema.equalsIgnoreCase("PUBLIC")) && (type.contains("CHAR") || type.contains("TEXT") || type.contains("CLOB"))) {
                    columns.add(new String[]{rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
                }
            }
        }
        assertThat(columns).as("text columns to search").isNotEmpty();
        try (Statement statement = connection.createStatement()) {
            for (String[] column : columns) {
                try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM \"" + column[0] + "\" WHERE CAST(\"" + column[1]
                        + "\" AS VARCHAR(60000)) LIKE '%" + value.replace("'", "''") + "%'")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        found.add(column[0] + "." + column[1]);
                    }
                }
            }
        }
        return found;
        }
    }
}
