package org.lorkit.perf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FigureTest {
    @Test
    void a_figure_reads_as_one_line_of_words_a_script_can_split() {
        assertThat(Figure.atMost("cohort_dashboard_50_vs_own_sql", 1.5, "x", 2).line())
                .isEqualTo("figure cohort_dashboard_50_vs_own_sql 1.500 x goal <=2 met");
        assertThat(Figure.atLeast("kit_page_vs_static_page", 0.09, "x", 0.5).line())
                .isEqualTo("figure kit_page_vs_static_page 0.090 x goal >=0.500 missed");
        assertThat(Figure.reported("load_static_page_p95", 12, "ms").line()).isEqualTo("figure load_static_page_p95 12 ms goal none reported");
        assertThat(Figure.atMost("load_errors", 0, "requests", 0).line()).isEqualTo("figure load_errors 0 requests goal <=0 met");
    }

    @Test
    void a_name_with_a_space_is_refused() {
        assertThatThrownBy(() -> Figure.atMost("two words", 1, "x", 2).line()).isInstanceOf(IllegalArgumentException.class);
    }
}
