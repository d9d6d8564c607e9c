package org.lorkit.domain.letter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerHeardTest {

    @Test
    void each_of_the_guides_answers_leads_where_the_guide_says() {
        assertThat(AnswerHeard.STRONG_YES.leadsTo()).isEqualTo(LetterState.STRONG_YES);
        assertThat(AnswerHeard.LETTER_WITHOUT_STRONG.leadsTo()).as("a polite no").isEqualTo(LetterState.LUKEWARM);
        assertThat(AnswerHeard.DOESNT_KNOW_ME_WELL.leadsTo()).as("a polite no").isEqualTo(LetterState.LUKEWARM);
        assertThat(AnswerHeard.MAYBE_IF_TIME.leadsTo()).as("a polite no").isEqualTo(LetterState.LUKEWARM);
        assertThat(AnswerHeard.MORE_FACTUAL.leadsTo()).as("a no").isEqualTo(LetterState.DECLINED);
        assertThat(AnswerHeard.NOT_COMFORTABLE.leadsTo()).as("a no").isEqualTo(LetterState.DECLINED);
        assertThat(AnswerHeard.OFFERED_BEFORE_ASKED.leadsTo()).as("not a strong yes: the strong question is still to ask")
                .isEqualTo(LetterState.PLANNED);
    }

    @Test
    void only_a_real_yes_is_a_strong_yes() {
        assertThat(AnswerHeard.values()).filteredOn(AnswerHeard::isStrongYes).containsExactly(AnswerHeard.STRONG_YES);
        assertThat(AnswerHeard.values()).filteredOn(AnswerHeard::isPoliteNo)
                .containsExactly(AnswerHeard.LETTER_WITHOUT_STRONG, AnswerHeard.DOESNT_KNOW_ME_WELL, AnswerHeard.MAYBE_IF_TIME);
    }

    @ParameterizedTest
    @EnumSource(AnswerHeard.class)
    void every_answer_has_plain_words_for_the_page_and_the_history(AnswerHeard heard) {
        assertThat(heard.label()).isNotBlank().doesNotContain("_");
        assertThat(heard.said()).isNotBlank().doesNotContain("_");
        assertThat(heard.meaning()).isNotBlank().endsWith(".");
        assertThat(heard.verdict()).isNotBlank();
    }

    @Test
    void an_offer_before_the_ask_says_to_ask_the_strong_question() {
        assertThat(AnswerHeard.OFFERED_BEFORE_ASKED.meaning()).contains("Would you feel comfortable writing me a strong letter?");
    }
}
