package org.lorkit.perf;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.letter.LetterState;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator writes only histories the state machine allows, and CSV that COPY reads back as written. */
class BenchmarkDataTest {

    @Test
    void every_generated_history_is_a_path_the_state_machine_allows() {
        for (LetterState state : LetterState.values()) {
            List<LetterState> path = BenchmarkData.pathTo(state);
            assertThat(path.get(0)).isEqualTo(LetterState.PLANNED);
            assertThat(path.get(path.size() - 1)).isEqualTo(state);
            for (int i = 1; i < path.size(); i++) {
                assertThat(path.get(i - 1).canMoveTo(path.get(i))).as(path.get(i - 1) + " -> " + path.get(i)).isTrue();
            }
        }
    }

    @Test
    void csv_lines_quote_what_needs_it_and_write_null_as_the_copy_marker() {
        assertThat(BenchmarkData.csv(1, null, "plain", "a, b", "say \"hi\"", true))
                .isEqualTo("1,\\N,plain,\"a, b\",\"say \"\"hi\"\"\",true");
    }
}
