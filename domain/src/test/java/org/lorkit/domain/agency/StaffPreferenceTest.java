package org.lorkit.domain.agency;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.shared.DomainException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffPreferenceTest {
    private static final Instant MONDAY = Instant.parse("2026-11-30T15:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T15:00:00Z");

    @Test
    void the_digest_is_on_until_switched_off() {
        StaffPreference preference = new StaffPreference("8d1f6c4e-0000-4000-8000-000000000001", MONDAY);

        assertThat(preference.wantsDigest()).isTrue();
        preference.wantDigest(false, TUESDAY);
        assertThat(preference.wantsDigest()).isFalse();
        assertThat(preference.getChangedAt()).isEqualTo(TUESDAY);
        preference.wantDigest(true, TUESDAY.plusSeconds(60));
        assertThat(preference.wantsDigest()).isTrue();
    }

    @Test
    void the_same_choice_again_changes_nothing() {
        StaffPreference preference = new StaffPreference("user-1", MONDAY);

        preference.wantDigest(true, TUESDAY);

        assertThat(preference.getChangedAt()).isEqualTo(MONDAY);
    }

    @Test
    void a_preference_belongs_to_a_login() {
        assertThatThrownBy(() -> new StaffPreference(" ", MONDAY)).isInstanceOf(DomainException.class);
    }
}
