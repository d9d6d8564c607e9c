package org.lorkit.infrastructure.keycloak;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MemberPagingTest {

    /** Keycloak's answer for a search with this many matches: at most {@code max} of them from {@code first} on. */
    private static MemberPaging.Chunk matches(int total, List<Integer> asked) {
        return (first, max) -> {
            asked.add(first);
            return Math.max(0, Math.min(max, total - first));
        };
    }

    @Test
    void a_search_matching_more_than_a_thousand_members_is_counted_in_full() {
        List<Integer> asked = new ArrayList<>();

        assertThat(MemberPaging.countInChunks(matches(1_100, asked))).isEqualTo(1_100);
        assertThat(asked).containsExactly(0, 500, 1_000);
    }

    @Test
    void a_search_with_few_matches_asks_keycloak_once() {
        List<Integer> asked = new ArrayList<>();

        assertThat(MemberPaging.countInChunks(matches(3, asked))).isEqualTo(3);
        assertThat(asked).containsExactly(0);
    }

    @Test
    void a_search_with_no_match_counts_zero() {
        assertThat(MemberPaging.countInChunks(matches(0, new ArrayList<>()))).isZero();
    }

    @Test
    void matches_filling_the_last_chunk_exactly_are_all_counted() {
        List<Integer> asked = new ArrayList<>();

        assertThat(MemberPaging.countInChunks(matches(1_000, asked))).isEqualTo(1_000);
        assertThat(asked).containsExactly(0, 500, 1_000);
    }

    @Test
    void a_blank_search_lists_everyone_and_a_search_is_stripped() {
        assertThat(MemberPaging.search(null)).isNull();
        assertThat(MemberPaging.search("   ")).isNull();
        assertThat(MemberPaging.search("  ama@agency.example ")).isEqualTo("ama@agency.example");
    }
}
