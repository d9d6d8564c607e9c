package org.lorkit.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimerPaceTest {
    private final TimerPace pace = new TimerPace(1_000);

    @Test
    void nothing_runs_before_one_interval_after_the_start() {
        assertThat(pace.due(1_000, 60_000)).isFalse();
        assertThat(pace.due(60_999, 60_000)).isFalse();
        assertThat(pace.due(61_000, 60_000)).isTrue();
    }

    @Test
    void after_a_run_the_next_is_one_interval_later() {
        assertThat(pace.due(1_010, 10)).isTrue();
        assertThat(pace.due(1_019, 10)).isFalse();
        assertThat(pace.due(1_020, 10)).isTrue();
    }

    @Test
    void a_late_look_runs_once_and_counts_from_then() {
        assertThat(pace.due(5_000, 10)).isTrue();
        assertThat(pace.due(5_005, 10)).isFalse();
        assertThat(pace.due(5_010, 10)).isTrue();
    }
}
