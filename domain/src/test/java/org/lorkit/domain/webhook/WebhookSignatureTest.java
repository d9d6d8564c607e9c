package org.lorkit.domain.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {
    private static final String SECRET = "whsec_example-secret";
    private static final String BODY = "{\"id\":\"3f1c\",\"type\":\"test\"}";
    private static final Instant AT = Instant.ofEpochSecond(1767225600);

    @Test
    void the_signature_is_hmac_sha256_of_timestamp_dot_body_as_openssl_computes_it() {
        // printf '%s' '1767225600.{"id":"3f1c","type":"test"}' | openssl dgst -sha256 -hmac 'whsec_example-secret' -hex
        assertThat(WebhookSignature.sign(SECRET, 1767225600, BODY))
                .isEqualTo("2ffeb9781a9ff3be2dccc7246922373a217841f16d4bb63e2f405acb4fcc88bc");
        assertThat(WebhookSignature.header(SECRET, AT, BODY))
                .isEqualTo("t=1767225600,v1=2ffeb9781a9ff3be2dccc7246922373a217841f16d4bb63e2f405acb4fcc88bc");
    }

    @Test
    void a_receiver_verifies_the_header_within_the_tolerance() {
        String header = WebhookSignature.header(SECRET, AT, BODY);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, AT.plusSeconds(299), WebhookSignature.TOLERANCE)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, AT.minusSeconds(299), WebhookSignature.TOLERANCE)).isTrue();
    }

    @Test
    void a_changed_body_another_secret_an_old_timestamp_or_a_mangled_header_does_not_verify() {
        String header = WebhookSignature.header(SECRET, AT, BODY);
        Duration tolerance = WebhookSignature.TOLERANCE;
        assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("test", "tesT"), AT, tolerance)).as("body").isFalse();
        assertThat(WebhookSignature.verify("whsec_other", header, BODY, AT, tolerance)).as("secret").isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, AT.plusSeconds(301), tolerance)).as("replayed later").isFalse();
        assertThat(WebhookSignature.verify(SECRET, header.replace("t=1767225600", "t=1767225601"), BODY, AT, tolerance))
                .as("timestamp moved").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "v1=" + WebhookSignature.sign(SECRET, 1767225600, BODY), BODY, AT, tolerance))
                .as("no timestamp").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "t=soon,v1=00", BODY, AT, tolerance)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, BODY, AT, tolerance)).isFalse();
    }

    @Test
    void one_of_several_v1_signatures_is_enough() {
        String header = "t=1767225600,v1=" + "0".repeat(64) + ",v1=" + WebhookSignature.sign(SECRET, 1767225600, BODY);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, AT, WebhookSignature.TOLERANCE)).isTrue();
    }

    @Test
    void each_secret_is_new_long_and_recognisable_and_its_hint_shows_only_its_start() {
        String one = WebhookSignature.newSecret();
        String two = WebhookSignature.newSecret();
        assertThat(one).startsWith("whsec_").hasSize("whsec_".length() + 43).matches("whsec_[A-Za-z0-9_-]+").isNotEqualTo(two);
        assertThat(WebhookSignature.hint(one)).isEqualTo(one.substring(0, 10) + "…");
    }
}
