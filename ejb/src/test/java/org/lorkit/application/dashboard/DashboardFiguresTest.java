package org.lorkit.application.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard says how old its shared figures are from the time the service handed them out, on the one clock. */
class DashboardFiguresTest {
    private static final Instant COUNTED = Instant.parse("2026-12-02T09:00:00Z");
    private final DashboardFigures figures = new DashboardFigures(3, Map.of(), Map.of(), List.of(), COUNTED);

    @Test
    void figures_read_some_seconds_after_they_were_counted_are_that_old() {
        assertThat(figures.readAt(COUNTED.plusMillis(7_900)).secondsOld()).isEqualTo(7);
    }

    @Test
    void figures_not_yet_handed_out_or_read_at_once_are_fresh() {
        assertThat(figures.secondsOld()).isZero();
        assertThat(figures.readAt(COUNTED).secondsOld()).isZero();
    }

    @Test
    void reading_keeps_the_figures_themselves() {
        DashboardFigures read = figures.readAt(COUNTED.plusSeconds(2));
        assertThat(read.students()).isEqualTo(3);
        assertThat(read.asOf()).isEqualTo(COUNTED);
    }
}
