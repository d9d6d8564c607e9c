package org.lorkit.domain.link;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CapabilityTokenTest {
    @Test
    void a_token_is_43_url_safe_characters() {
        String token = CapabilityToken.generate();
        assertThat(token).hasSize(CapabilityToken.LENGTH).matches("[A-Za-z0-9_-]{43}");
        assertThat(CapabilityToken.isWellFormed(token)).isTrue();
    }

    @Test
    void tokens_do_not_repeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(CapabilityToken.generate());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void the_hash_is_the_hex_sha_256_of_the_token() {
        // SHA-256("abc"), the FIPS 180-2 example.
        assertThat(CapabilityToken.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String token = CapabilityToken.generate();
        assertThat(CapabilityToken.hash(token)).hasSize(64).matches("[0-9a-f]{64}").isEqualTo(CapabilityToken.hash(token))
                .doesNotContain(token);
    }

    @Test
    void anything_but_a_token_is_refused_before_a_lookup() {
        String token = CapabilityToken.generate();
        assertThat(CapabilityToken.isWellFormed(null)).isFalse();
        assertThat(CapabilityToken.isWellFormed("")).isFalse();
        assertThat(CapabilityToken.isWellFormed(token.substring(1))).isFalse();
        assertThat(CapabilityToken.isWellFormed(token + "A")).isFalse();
        assertThat(CapabilityToken.isWellFormed(token.substring(1) + "=")).isFalse();
        assertThat(CapabilityToken.isWellFormed(token.substring(1) + "/")).isFalse();
        assertThat(CapabilityToken.isWellFormed("' OR 1=1 --".repeat(4).substring(0, 43))).isFalse();
        assertThat(CapabilityToken.isWellFormed("-".repeat(43))).isTrue();
    }
}
