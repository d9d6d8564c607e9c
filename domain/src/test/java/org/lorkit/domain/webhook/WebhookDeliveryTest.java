package org.lorkit.domain.webhook;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.outbox.OutboxStatus;
import org.lorkit.domain.outbox.RetryPolicy;
import org.lorkit.domain.shared.DomainException;

import java.lang.reflect.Field;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookDeliveryTest {
    private static final Instant AT = Instant.parse("2026-10-02T14:05:00Z");

    private static WebhookEndpoint endpoint(Set<WebhookEventType> events) throws Exception {
        WebhookEndpoint endpoint = new WebhookEndpoint(URI.create("https://hooks.example.org/in"), events, "admin@agency.example", AT);
        Field id = org.lorkit.domain.shared.TenantOwnedEntity.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(endpoint, 77L);
        return endpoint;
    }

    private static WebhookDelivery delivery() throws Exception {
        WebhookEvent event = new WebhookEvent(UUID.randomUUID(), WebhookEventType.LETTER_STATE_CHANGED, AT, "bridgeway", 4,
                new WebhookEvent.Letter(41, 7, 12, 19L, LetterState.ASKED, LetterState.PLANNED), null);
        return new WebhookDelivery(endpoint(EnumSet.of(WebhookEventType.LETTER_STATE_CHANGED)), event, event.body(), AT);
    }

    @Test
    void a_delivery_waits_with_its_event_and_the_request_and_student_it_is_about() throws Exception {
        WebhookDelivery delivery = delivery();
        assertThat(delivery.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(delivery.getEndpointId()).isEqualTo(77L);
        assertThat(delivery.getEventType()).isEqualTo("letter.state_changed");
        assertThat(delivery.getEventSequence()).isEqualTo(4);
        assertThat(delivery.getLetterRequestId()).isEqualTo(41L);
        assertThat(delivery.getStudentId()).isEqualTo(7L);
        assertThat(delivery.getDueAt()).isEqualTo(AT);
        assertThat(delivery.getBody()).contains(delivery.getEventId());
    }

    @Test
    void a_refusal_is_retried_by_the_outbox_policy_and_a_2xx_delivers_it() throws Exception {
        WebhookDelivery delivery = delivery();
        boolean gaveUp = delivery.failed(500, "Internal\nServer   Error", "HTTP 500", AT.plusSeconds(30), RetryPolicy.MAX_ATTEMPTS);
        assertThat(gaveUp).isFalse();
        assertThat(delivery.getStatus()).isEqualTo(OutboxStatus.PENDING);
        assertThat(delivery.getAttempts()).isEqualTo(1);
        assertThat(delivery.getDueAt()).isEqualTo(AT.plusSeconds(30));
        assertThat(delivery.getLastStatus()).isEqualTo(500);
        assertThat(delivery.getLastResponse()).isEqualTo("Internal Server Error");

        delivery.delivered(204, null, AT.plusSeconds(31));
        assertThat(delivery.getStatus()).isEqualTo(OutboxStatus.SENT);
        assertThat(delivery.getAttempts()).isEqualTo(2);
        assertThat(delivery.getLastError()).isNull();
        assertThat(delivery.getLastResponse()).isNull();
        assertThat(delivery.getDeliveredAt()).isEqualTo(AT.plusSeconds(31));
    }

    @Test
    void after_the_last_attempt_it_is_given_up() throws Exception {
        WebhookDelivery delivery = delivery();
        for (int i = 1; i < RetryPolicy.MAX_ATTEMPTS; i++) {
            assertThat(delivery.failed(null, null, "connection refused", AT.plusSeconds(i), RetryPolicy.MAX_ATTEMPTS)).isFalse();
        }
        assertThat(delivery.failed(null, null, "connection refused", AT, RetryPolicy.MAX_ATTEMPTS)).isTrue();
        assertThat(delivery.getStatus()).isEqualTo(OutboxStatus.FAILED);
        assertThat(delivery.getLastError()).isEqualTo("connection refused");
    }

    @Test
    void an_answer_is_kept_as_a_short_excerpt_on_one_line() {
        assertThat(WebhookDelivery.excerpt("x".repeat(500))).hasSize(WebhookDelivery.EXCERPT).endsWith("…");
        assertThat(WebhookDelivery.excerpt("<html>\r\n<b>Bad\tgateway</b>")).isEqualTo("<html> <b>Bad gateway</b>");
        assertThat(WebhookDelivery.excerpt("  ")).isNull();
    }

    @Test
    void an_endpoint_gets_what_it_chose_while_enabled_and_the_test_event_always() throws Exception {
        WebhookEndpoint endpoint = endpoint(EnumSet.of(WebhookEventType.KIT_SENT, WebhookEventType.MAIL_BOUNCED));
        assertThat(endpoint.wants(WebhookEventType.KIT_SENT)).isTrue();
        assertThat(endpoint.wants(WebhookEventType.LETTER_STATE_CHANGED)).isFalse();
        assertThat(endpoint.wants(WebhookEventType.TEST)).isTrue();
        endpoint.disable();
        assertThat(endpoint.wants(WebhookEventType.KIT_SENT)).isFalse();
        assertThat(endpoint.wants(WebhookEventType.TEST)).isFalse();
        endpoint.enable();

        String first = endpoint.signingSecret();
        String second = endpoint.replaceSecret(AT.plusSeconds(60));
        assertThat(second).isNotEqualTo(first).isEqualTo(endpoint.signingSecret());
        assertThat(endpoint.getSecretMadeAt()).isEqualTo(AT.plusSeconds(60));

        assertThatThrownBy(() -> endpoint.choose(Set.of())).isInstanceOf(DomainException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> endpoint.choose(Set.of(WebhookEventType.TEST))).isInstanceOf(DomainException.class);
        endpoint.choose(EnumSet.of(WebhookEventType.MAIL_BOUNCED, WebhookEventType.LETTER_STATE_CHANGED));
        assertThat(endpoint.chosen()).containsExactly(WebhookEventType.LETTER_STATE_CHANGED, WebhookEventType.MAIL_BOUNCED);
    }

    @Test
    void the_stored_event_list_reads_back_and_ignores_names_it_does_not_know() {
        assertThat(WebhookEventType.store(EnumSet.of(WebhookEventType.LETTER_NOT_COMING, WebhookEventType.KIT_SENT)))
                .isEqualTo("kit.sent,letter.not_coming");
        assertThat(WebhookEventType.parse("kit.sent, letter.not_coming,retired.event")).containsExactly(
                WebhookEventType.KIT_SENT, WebhookEventType.LETTER_NOT_COMING);
        assertThat(WebhookEventType.choosable()).doesNotContain(WebhookEventType.TEST).hasSize(5);
    }
}
