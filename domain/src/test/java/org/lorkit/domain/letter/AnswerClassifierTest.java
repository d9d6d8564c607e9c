package org.lorkit.domain.letter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerClassifierTest {

    @ParameterizedTest
    @ValueSource(strings = {"Yes, absolutely. I'd be happy to.", "Sure, you've done a great job, I can do that.",
            "Of course, send me your materials.", "Definitely — I can write you a strong letter."})
    void a_real_yes_is_a_strong_yes(String answer) {
        assertThat(AnswerClassifier.read(answer).state()).isEqualTo(LetterState.STRONG_YES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I can write you a letter.", "I don't know you that well, but I guess I can.",
            "Maybe, let's see if I have time.", "Hmm, I'll think about it."})
    void a_lukewarm_answer_is_a_polite_no(String answer) {
        AnswerClassifier.Reading reading = AnswerClassifier.read(answer);

        assertThat(reading.state()).isEqualTo(LetterState.LUKEWARM);
        assertThat(reading.signals()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"I'm not comfortable writing one.", "It would be more factual than strong.",
            "Sorry, I can’t write letters this year."})
    void not_comfortable_or_more_factual_than_strong_is_declined(String answer) {
        assertThat(AnswerClassifier.read(answer).state()).isEqualTo(LetterState.DECLINED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void no_answer_is_no_yes(String answer) {
        assertThat(AnswerClassifier.read(answer).state()).isEqualTo(LetterState.LUKEWARM);
        assertThat(AnswerClassifier.read(null).signals()).containsExactly("no clear yes to a strong letter");
    }
}
