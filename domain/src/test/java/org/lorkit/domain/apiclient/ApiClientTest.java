package org.lorkit.domain.apiclient;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.shared.DomainException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiClientTest {
    private static final Instant MADE = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aClientIsActiveUntilRevokedAndRevokedOnce() {
        ApiClient client = new ApiClient("  Our CRM ", "lorkit-api-bridgeway-1a2b3c4d", "admin@bridgeway.example", MADE);
        assertThat(client.getName()).isEqualTo("Our CRM");
        assertThat(client.isActive()).isTrue();

        client.revoke("other-admin@bridgeway.example", MADE.plusSeconds(60));

        assertThat(client.isActive()).isFalse();
        assertThat(client.getRevokedBy()).isEqualTo("other-admin@bridgeway.example");
        assertThatThrownBy(() -> client.revoke("admin@bridgeway.example", MADE.plusSeconds(120)))
                .isInstanceOf(DomainException.class).hasMessageContaining("already revoked");
        assertThat(client.getRevokedBy()).isEqualTo("other-admin@bridgeway.example");
    }

    @Test
    void aClientNeedsAName() {
        assertThatThrownBy(() -> new ApiClient(" ", "lorkit-api-x-1", "admin@bridgeway.example", MADE))
                .isInstanceOf(DomainException.class).extracting("field").isEqualTo("name");
    }

    @Test
    void aClientIdNamesTheAgencyAndIsNeverTheSameTwice() {
        String first = ApiClient.newClientId("bridgeway");
        String second = ApiClient.newClientId("bridgeway");

        assertThat(first).matches("lorkit-api-bridgeway-[0-9a-f]{12}");
        assertThat(second).isNotEqualTo(first);
    }
}
