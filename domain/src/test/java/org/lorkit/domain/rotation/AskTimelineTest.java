package org.lorkit.domain.rotation;

import org.lorkit.domain.agency.AgencyRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AskTimelineTest {
    private static final LocalDate START = LocalDate.of(2027, 6, 1);
    private static final LocalDate END = LocalDate.of(2027, 6, 28);

    @Test
    void the_line_runs_from_the_first_day_to_the_end_of_the_late_window_in_four_segments() {
        AskTimeline timeline = AskTimeline.of(START, END, LocalDate.of(2027, 6, 25), AgencyRules.DEFAULTS);

        assertThat(timeline.segments()).extracting(AskTimeline.Segment::phase).containsExactly(AskWindow.Phase.TOO_EARLY,
                AskWindow.Phase.IDEAL, AskWindow.Phase.ACCEPTABLE, AskWindow.Phase.LATE);
        assertThat(timeline.segments().get(1).from()).isEqualTo(LocalDate.of(2027, 6, 24));
        assertThat(timeline.segments().get(2).to()).isEqualTo(LocalDate.of(2027, 7, 26));
        assertThat(timeline.segments().stream().mapToDouble(AskTimeline.Segment::percent).sum()).isCloseTo(100.0, within(0.5));
    }

    @Test
    void today_is_placed_on_the_line_or_left_off_it() {
        assertThat(AskTimeline.of(START, END, START, AgencyRules.DEFAULTS).todayPercent()).isEqualTo(0.0);
        assertThat(AskTimeline.of(START, END, END.plusDays(61), AgencyRules.DEFAULTS).todayPercent()).isNull();
        assertThat(AskTimeline.of(START, END, START.minusDays(1), AgencyRules.DEFAULTS).todayPercent()).isNull();
    }

    @Test
    void the_segments_follow_the_agencys_numbers() {
        AgencyRules rules = AgencyRules.DEFAULTS.with(AgencyRules.Rule.IDEAL_LAST_DAYS, 3)
                .with(AgencyRules.Rule.ACCEPTABLE_WEEKS_AFTER_END, 2);

        AskTimeline timeline = AskTimeline.of(START, END, LocalDate.of(2027, 6, 25), rules);

        assertThat(timeline.segments().get(1).from()).isEqualTo(LocalDate.of(2027, 6, 26));
        assertThat(timeline.segments().get(2).to()).isEqualTo(LocalDate.of(2027, 7, 12));
        assertThat(timeline.segments().get(3).from()).isEqualTo(LocalDate.of(2027, 7, 13));
    }
}
