package org.lorkit.it.webhook;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.letter.LetterRequestService;
import org.lorkit.application.letter.NewLetterRequest;
import org.lorkit.application.outbox.DeliveryProblems;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.reminder.ReminderScheduler;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.application.webhook.NewSecret;
import org.lorkit.application.webhook.WebhookDeliveryView;
import org.lorkit.application.webhook.WebhookEndpointView;
import org.lorkit.application.webhook.WebhookService;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.outbox.DeliveryEventKind;
import org.lorkit.domain.outbox.OutboxStatus;
import org.lorkit.domain.shared.DomainException;
import org.lorkit.domain.webhook.WebhookEventType;
import org.lorkit.domain.webhook.WebhookSignature;
import org.lorkit.infrastructure.tenancy.CurrentAgency;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.WebhookReceiver;

import javax.sql.DataSource;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhooks end to end, against a receiver in the test (the JDK's HTTP server on a loopback port, which the tests'
 * servers allow with lorkit.webhooks.allow-localhost): what arrives is signed with the endpoint's secret, a request's
 * events arrive in their order, a 500 is retried (holding back the request's next events) until it is delivered, and
 * every event id is answered 2xx exactly once. The kit's and the reminder's sends, a bounce and a letter not coming
 * raise their events where they happen. WebhookCrashIT kills a node in the middle of a delivery.
 */
class WebhookIT extends InsideLorKit {
    @Inject
    WebhookService webhooks;
    @Inject
    OutboxSender sender;
    @Inject
    LetterRequestService letters;
    @Inject
    KitService kits;
    @Inject
    DeliveryProblems problems;
    @Inject
    ReminderScheduler reminders;
    @Inject
    Clocks clocks;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    @AfterEach
    void realTime() {
        clocks.reset();
    }

    private record Letter(long agency, long request, StudentView student, AttendingView attending, RotationView rotation) {
    }

    private Letter plannedLetter(long agency) {
        return as.staff(agency, () -> {
            StudentView student = fixtures.student(fixtures.cohort());
            AttendingView attending = fixtures.attending("Internal Medicine");
            RotationView rotation = fixtures.rotation(student, attending, 24);
            long id = letters.plan(new NewLetterRequest(student.id(), attending.id(), rotation.id(), null)).id();
            return new Letter(agency, id, student, attending, rotation);
        });
    }

    private void verified(WebhookReceiver.Received received, String secret) {
        assertThat(WebhookSignature.verify(secret, received.signature(), received.body(), clocks.now(), WebhookSignature.TOLERANCE))
                .as("the signature of " + received.body()).isTrue();
        assertThat(received.json().getString("id")).isEqualTo(received.eventId());
        assertThat(received.json().getString("type")).isEqualTo(received.eventType());
    }

    @Test
    void a_requests_events_arrive_signed_and_in_order_and_a_500_holds_back_the_rest_until_it_is_delivered() throws Exception {
        org.lorkit.application.agency.AgencyView made = fixtures.agency();
        long agency = made.id();
        String slug = made.slug();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answer(n -> n == 1 ? 500 : 200);
            NewSecret endpoint = as.admin(agency, () -> webhooks.register(receiver.url(), EnumSet.of(WebhookEventType.LETTER_STATE_CHANGED)));

            Letter letter = plannedLetter(agency);
            as.staff(agency, () -> {
                letters.moveTo(letter.request(), LetterState.ASKED, null);
                letters.moveTo(letter.request(), LetterState.STRONG_YES, "\"happy to\"");
                return letters.markKitSent(letter.request());
            });
            sender.deliverDueWebhooks();

            assertThat(receiver.received()).as("the first event was refused; the request's next ones wait for it\n" + receiver.describe())
                    .singleElement().satisfies(first -> {
                        assertThat(first.answered()).isEqualTo(500);
                        assertThat(first.sequence()).isEqualTo(1);
                    });
            List<WebhookDeliveryView> log = as.admin(agency, () -> webhooks.deliveries(0, 25));
            assertThat(log).hasSize(4);
            WebhookDeliveryView refused = log.stream().filter(d -> d.sequence() == 1).findFirst().orElseThrow();
            assertThat(refused.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(refused.attempts()).isEqualTo(1);
            assertThat(refused.lastStatus()).isEqualTo(500);
            assertThat(refused.lastResponse()).isEqualTo("Receiver trouble: status 500");
            assertThat(refused.nextAttempt()).as("a retry is planned").isNotEmpty();
            assertThat(log).filteredOn(d -> d.sequence() > 1).extracting(WebhookDeliveryView::attempts).containsOnly(0);

            clocks.advance(Duration.ofMinutes(2)); // past the first retry's wait (30 s, and up to a fifth more)
            sender.deliverDueWebhooks();

            List<WebhookReceiver.Received> delivered = receiver.delivered();
            assertThat(delivered).as(receiver.describe()).hasSize(4);
            assertThat(delivered).extracting(WebhookReceiver.Received::sequence).as("in the request's order").containsExactly(1L, 2L, 3L, 4L);
            assertThat(receiver.timesById()).as("the refused event came again with the same id, the others once")
                    .hasSize(4).containsValues(2, 1);
            assertThat(receiver.timesById().get(receiver.received().get(0).eventId())).isEqualTo(2);
            assertThat(delivered).extracting(WebhookReceiver.Received::eventId).as("each event id answered 2xx once").doesNotHaveDuplicates();
            for (WebhookReceiver.Received received : receiver.received()) {
                verified(received, endpoint.secret());
                assertThat(received.body()).doesNotContain("@", "Okafor", "Patel", "t=");
            }
            List<String> moves = new ArrayList<>();
            for (WebhookReceiver.Received received : delivered) {
                JsonObject body = received.json();
                assertThat(body.getString("type")).isEqualTo("letter.state_changed");
                assertThat(body.getString("agency")).isEqualTo(slug);
                JsonObject request = body.getJsonObject("letterRequest");
                assertThat(request.getJsonNumber("id").longValue()).isEqualTo(letter.request());
                assertThat(request.getJsonNumber("studentId").longValue()).isEqualTo(letter.student().id());
                assertThat(request.getJsonNumber("attendingId").longValue()).isEqualTo(letter.attending().id());
                moves.add(request.getString("previousState", "-") + ">" + request.getString("state"));
            }
            assertThat(moves).containsExactly("->PLANNED", "PLANNED>ASKED", "ASKED>STRONG_YES", "STRONG_YES>KIT_SENT");

            assertThat(as.admin(agency, () -> webhooks.deliveries(0, 25))).allSatisfy(d -> {
                assertThat(d.status()).isEqualTo(OutboxStatus.SENT);
                assertThat(d.lastStatus()).isEqualTo(200);
                assertThat(d.endpointUrl()).isEqualTo(receiver.url());
            }).filteredOn(d -> d.sequence() == 1).singleElement().extracting(WebhookDeliveryView::attempts).isEqualTo(2);
        }
    }

    @Test
    void the_kit_and_reminder_sends_a_bounce_and_a_letter_not_coming_raise_their_events() throws Exception {
        long agency = fixtures.agency().id();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            NewSecret endpoint = as.admin(agency, () -> webhooks.register(receiver.url(), EnumSet.of(WebhookEventType.KIT_SENT,
                    WebhookEventType.REMINDER_SENT, WebhookEventType.MAIL_BOUNCED, WebhookEventType.LETTER_NOT_COMING)));
            Letter kit = as.staff(agency, () -> {
                StudentView student = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
                AttendingView attending = fixtures.attending("Internal Medicine");
                return new Letter(agency, 0, student, attending, fixtures.rotation(student, attending, 24));
            });
            long request = fixtures.readyKit(agency, kit.student(), kit.attending(), kit.rotation());
            as.ownerStudent(agency, () -> kits.send(request));
            sender.sendDue();
            clocks.advance(Duration.ofDays(14));
            reminders.sweepAgency(agency);
            sender.sendDue();
            long kitRow = kitRow(request);
            CurrentAgency.runAs(agency, () -> problems.record(kitRow, DeliveryEventKind.BOUNCED, "550 5.1.1 Recipient address rejected",
                    "smtp:" + kitRow));
            Letter declined = plannedLetter(agency);
            as.staff(agency, () -> {
                letters.moveTo(declined.request(), LetterState.ASKED, null);
                return letters.moveTo(declined.request(), LetterState.DECLINED, "\"I am away all autumn\"");
            });
            sender.deliverDueWebhooks();

            List<WebhookReceiver.Received> delivered = receiver.delivered();
            assertThat(delivered).extracting(WebhookReceiver.Received::eventType).as(receiver.describe())
                    .containsExactlyInAnyOrder("kit.sent", "reminder.sent", "mail.bounced", "letter.not_coming");
            assertThat(delivered).filteredOn(r -> r.letterRequestId() == request).extracting(WebhookReceiver.Received::eventType)
                    .as("one request's events in its order").containsExactly("kit.sent", "reminder.sent", "mail.bounced");
            assertThat(delivered).filteredOn(r -> r.letterRequestId() == request).extracting(WebhookReceiver.Received::sequence)
                    .containsExactly(1L, 2L, 3L);
            Map<String, JsonObject> bodies = new java.util.HashMap<>();
            delivered.forEach(r -> bodies.put(r.eventType(), r.json()));
            assertThat(bodies.get("kit.sent").getJsonObject("mail").getString("kind")).isEqualTo("KIT");
            assertThat(bodies.get("reminder.sent").getJsonObject("mail").getInt("reminder")).isEqualTo(1);
            assertThat(bodies.get("reminder.sent").getJsonObject("letterRequest").getString("state")).isEqualTo("REMINDED_1");
            assertThat(bodies.get("mail.bounced").getJsonObject("mail").getString("kind")).isEqualTo("KIT");
            assertThat(bodies.get("letter.not_coming").getJsonObject("letterRequest").getString("state")).isEqualTo("DECLINED");
            assertThat(bodies.get("letter.not_coming").getJsonObject("letterRequest").getJsonNumber("id").longValue()).isEqualTo(declined.request());
            delivered.forEach(r -> verified(r, endpoint.secret()));
        }
    }

    @Test
    void a_receiver_that_is_not_there_is_retried_a_disabled_endpoint_gets_nothing_and_a_deleted_one_leaves_no_log() throws Exception {
        long agency = fixtures.agency().id();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String nobody = "http://127.0.0.1:" + closedPort + "/hook";
        long endpoint = as.admin(agency, () -> webhooks.register(nobody, EnumSet.of(WebhookEventType.LETTER_STATE_CHANGED))).endpoint().id();
        Letter letter = plannedLetter(agency);
        sender.deliverDueWebhooks();

        WebhookDeliveryView waiting = as.admin(agency, () -> webhooks.deliveries(0, 25)).get(0);
        assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastStatus()).isNull();
        assertThat(waiting.lastError()).isEqualTo("connection to 127.0.0.1:" + closedPort + " refused");
        assertThat(waiting.nextAttempt()).isNotEmpty();

        as.admin(agency, () -> webhooks.disable(endpoint));
        as.staff(agency, () -> letters.moveTo(letter.request(), LetterState.ASKED, null));
        List<WebhookDeliveryView> log = as.admin(agency, () -> webhooks.deliveries(0, 25));
        assertThat(log).as("no event recorded for a disabled endpoint").singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(OutboxStatus.CANCELLED);
            assertThat(d.lastError()).isEqualTo("the endpoint was disabled before this event went");
        });
        assertThatThrownBy(() -> as.admin(agency, () -> webhooks.sendTest(endpoint))).isInstanceOf(DomainException.class)
                .hasMessageContaining("Enable " + nobody + " first");

        assertThat(as.admin(agency, () -> webhooks.delete(endpoint))).isEqualTo(nobody);
        assertThat(as.admin(agency, () -> webhooks.endpoints())).isEmpty();
        assertThat(as.admin(agency, () -> webhooks.countDeliveries())).isZero();
        assertThatThrownBy(() -> as.admin(agency, () -> webhooks.delete(endpoint))).isInstanceOf(DomainException.class)
                .hasMessageStartingWith("No ");
    }

    @Test
    void addresses_are_checked_the_secret_is_shown_once_and_a_replaced_secret_signs_the_next_event() throws Exception {
        long agency = fixtures.agency().id();
        Set<WebhookEventType> states = EnumSet.of(WebhookEventType.LETTER_STATE_CHANGED);
        assertThatThrownBy(() -> as.admin(agency, () -> webhooks.register("http://hooks.example.org/in", states)))
                .isInstanceOf(DomainException.class).hasMessageContaining("HTTPS only");
        assertThatThrownBy(() -> as.admin(agency, () -> webhooks.register("https://169.254.169.254/latest", states)))
                .isInstanceOf(DomainException.class).hasMessageContaining("private or reserved");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            assertThatThrownBy(() -> as.admin(agency, () -> webhooks.register(receiver.url(), Set.of())))
                    .isInstanceOf(DomainException.class).hasMessageContaining("Choose at least one event");
            assertThat(as.admin(agency, () -> webhooks.endpoints())).as("nothing half-saved").isEmpty();

            NewSecret made = as.admin(agency, () -> webhooks.register(receiver.url(), states));
            assertThat(made.secret()).startsWith("whsec_");
            assertThat(made.toString()).doesNotContain(made.secret());
            List<WebhookEndpointView> listed = as.admin(agency, () -> webhooks.endpoints());
            assertThat(listed).singleElement().satisfies(view -> {
                assertThat(view.toString()).as("the page never gets the secret again").doesNotContain(made.secret());
                assertThat(view.secretHint()).isEqualTo(made.secret().substring(0, 10) + "…");
                assertThat(view.events()).containsExactly(WebhookEventType.LETTER_STATE_CHANGED);
            });
            assertThatThrownBy(() -> as.admin(agency, () -> webhooks.register(receiver.url(), states)))
                    .isInstanceOf(DomainException.class).hasMessageContaining("already sends events to");

            long endpoint = made.endpoint().id();
            as.admin(agency, () -> webhooks.sendTest(endpoint));
            sender.deliverDueWebhooks();
            NewSecret replaced = as.admin(agency, () -> webhooks.replaceSecret(endpoint));
            as.admin(agency, () -> webhooks.sendTest(endpoint));
            sender.deliverDueWebhooks();

            List<WebhookReceiver.Received> tests = receiver.delivered();
            assertThat(tests).extracting(WebhookReceiver.Received::eventType).containsExactly("test", "test");
            assertThat(tests.get(0).json().keySet()).containsExactly("id", "type", "occurredAt", "agency");
            verified(tests.get(0), made.secret());
            verified(tests.get(1), replaced.secret());
            assertThat(WebhookSignature.verify(made.secret(), tests.get(1).signature(), tests.get(1).body(), clocks.now(),
                    WebhookSignature.TOLERANCE)).as("the old secret no longer verifies").isFalse();
            assertThat(as.admin(agency, () -> webhooks.deliveries(0, 1))).singleElement()
                    .extracting(WebhookDeliveryView::eventId).as("newest first").isEqualTo(tests.get(1).eventId());
            assertThat(as.admin(agency, () -> webhooks.countDeliveries())).isEqualTo(2);
        }
    }

    private long kitRow(long requestId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM outbox_email WHERE letter_request_id = ? AND kind = 'KIT'")) {
            s.setLong(1, requestId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
