package org.lorkit.application.reminder;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestSchedulerTest {
    @Test
    void the_digest_hour_is_read_from_the_setting() {
        assertThat(DigestScheduler.hour("7")).isEqualTo(7);
        assertThat(DigestScheduler.hour(" 0 ")).isZero();
        assertThat(DigestScheduler.hour("23")).isEqualTo(23);
    }

    @Test
    void a_wrong_hour_stops_the_start_with_words_that_say_why() {
        assertThatThrownBy(() -> DigestScheduler.hour("24")).isInstanceOf(IllegalStateException.class).hasMessageContaining("LORKIT_DIGEST_HOUR");
        assertThatThrownBy(() -> DigestScheduler.hour("seven")).isInstanceOf(IllegalStateException.class).hasMessageContaining("\"seven\"");
    }
}
