package org.lorkit.domain.shared;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PhrasesTest {
    private static final Pattern STRONG = Phrases.phrase("strong");

    @Test
    void contractions_are_spelled_out_and_curly_apostrophes_made_straight() {
        assertThat(Phrases.normalize("I Can’t, I won't, I don't, I'm sure I'd say you're great"))
                .isEqualTo("i cannot, i will not, i do not, i am sure i would say you are great");
        assertThat(Phrases.normalize(null)).isEmpty();
    }

    @Test
    void idioms_that_carry_a_no_but_mean_yes_read_as_gladly() {
        assertThat(Phrases.normalize("No problem! I wouldn't hesitate, I don't mind")).isEqualTo("gladly! i gladly, i gladly");
    }

    @Test
    void clauses_break_at_punctuation_and_at_but() {
        assertThat(Phrases.clauses(Phrases.normalize("I can't promise a strong letter, but sure. Maybe next week — ok")))
                .containsExactly("i cannot promise a strong letter", "sure", "maybe next week", "ok");
    }

    @Test
    void a_negation_before_a_phrase_in_its_clause_takes_it_back() {
        assertThat(Phrases.affirmed("i cannot promise a strong letter", STRONG)).isEmpty();
        assertThat(Phrases.negated("i cannot promise a strong letter", STRONG)).contains("i cannot promise a strong");
        assertThat(Phrases.affirmed("i will write you a strong letter", STRONG)).contains("strong");
        assertThat(Phrases.negated("i will write you a strong letter", STRONG)).isEmpty();
    }

    @Test
    void a_negation_in_another_clause_does_not() {
        List<String> clauses = Phrases.clauses(Phrases.normalize("Not this week, but I will write you a strong letter"));

        assertThat(Phrases.affirmedIn(clauses, List.of(STRONG))).containsExactly("strong");
        assertThat(Phrases.negatedIn(clauses, List.of(STRONG))).isEmpty();
    }

    @Test
    void phrases_match_whole_words_only() {
        assertThat(Phrases.anywhere("you were one of the stronger students", STRONG)).isEmpty();
        assertThat(Phrases.anywhere("nothing but good things", Phrases.phrase("no"))).isEmpty();
    }
}
