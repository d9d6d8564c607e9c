package org.lorkit.domain.webhook;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.outbox.MailKind;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookEventTest {
    private static final UUID ID = UUID.fromString("0b6c2e4e-5d1a-4f8e-9a51-7c0f3d2b1a90");
    private static final Instant AT = Instant.parse("2026-10-02T14:05:09.123456Z");

    private static JsonObject parse(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Test
    void a_state_change_names_the_event_the_agency_the_request_and_both_states() {
        WebhookEvent event = new WebhookEvent(ID, WebhookEventType.LETTER_STATE_CHANGED, AT, "bridgeway", 3,
                new WebhookEvent.Letter(41, 7, 12, 19L, LetterState.STRONG_YES, LetterState.ASKED), null);

        JsonObject body = parse(event.body());

        assertThat(body.getString("id")).isEqualTo(ID.toString());
        assertThat(body.getString("type")).isEqualTo("letter.state_changed");
        assertThat(body.getString("occurredAt")).isEqualTo("2026-10-02T14:05:09.123Z");
        assertThat(body.getString("agency")).isEqualTo("bridgeway");
        assertThat(body.getJsonNumber("sequence").longValue()).isEqualTo(3);
        JsonObject request = body.getJsonObject("letterRequest");
        assertThat(request.getJsonNumber("id").longValue()).isEqualTo(41);
        assertThat(request.getJsonNumber("studentId").longValue()).isEqualTo(7);
        assertThat(request.getJsonNumber("attendingId").longValue()).isEqualTo(12);
        assertThat(request.getJsonNumber("rotationId").longValue()).isEqualTo(19);
        assertThat(request.getString("state")).isEqualTo("STRONG_YES");
        assertThat(request.getString("previousState")).isEqualTo("ASKED");
        assertThat(body).doesNotContainKey("mail");
    }

    @Test
    void the_body_carries_ids_and_states_only_never_names_addresses_or_tokens() {
        WebhookEvent event = new WebhookEvent(ID, WebhookEventType.KIT_SENT, AT, "bridgeway", 5,
                new WebhookEvent.Letter(41, 7, 12, null, LetterState.KIT_SENT, null), new WebhookEvent.Mail(MailKind.KIT));

        JsonObject body = parse(event.body());

        assertThat(body.keySet()).containsExactly("id", "type", "occurredAt", "agency", "sequence", "letterRequest", "mail");
        assertThat(body.getJsonObject("letterRequest").keySet()).containsExactly("id", "studentId", "attendingId", "state");
        assertThat(body.getJsonObject("mail").keySet()).containsExactly("kind");
        assertThat(event.body()).doesNotContain("@", "token", "t=");
    }

    @Test
    void a_reminder_says_which_one() {
        WebhookEvent event = new WebhookEvent(ID, WebhookEventType.REMINDER_SENT, AT, "bridgeway", 6,
                new WebhookEvent.Letter(41, 7, 12, 19L, LetterState.REMINDED_2, null), new WebhookEvent.Mail(MailKind.REMINDER_2));
        JsonObject mail = parse(event.body()).getJsonObject("mail");
        assertThat(mail.getString("kind")).isEqualTo("REMINDER_2");
        assertThat(mail.getInt("reminder")).isEqualTo(2);
    }

    @Test
    void the_test_event_names_no_request_and_every_other_event_names_one() {
        WebhookEvent test = WebhookEvent.test("bridgeway", AT);
        JsonObject body = parse(test.body());
        assertThat(body.getString("type")).isEqualTo("test");
        assertThat(body.keySet()).containsExactly("id", "type", "occurredAt", "agency");
        assertThat(WebhookEvent.test("bridgeway", AT).id()).isNotEqualTo(test.id());

        assertThatThrownBy(() -> new WebhookEvent(ID, WebhookEventType.KIT_SENT, AT, "bridgeway", 1, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_body_is_the_same_every_time_it_is_made() {
        WebhookEvent event = new WebhookEvent(ID, WebhookEventType.LETTER_NOT_COMING, AT, "bridgeway", 9,
                new WebhookEvent.Letter(41, 7, 12, 19L, LetterState.DECLINED, LetterState.ASKED), null);
        assertThat(event.body()).isEqualTo(event.body());
    }
}
