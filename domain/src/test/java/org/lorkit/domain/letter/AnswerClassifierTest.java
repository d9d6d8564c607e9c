package org.lorkit.domain.letter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerClassifierTest {

    private static AnswerHeard guess(String words) {
        return AnswerClassifier.suggest(words).heard();
    }

    // The two misreadings of the issue: the old reader took the first for a no and the second for a yes.

    @Test
    void a_clear_yes_to_a_strong_letter_with_a_probably_about_when_is_a_strong_yes() {
        AnswerClassifier.Suggestion suggestion = AnswerClassifier.suggest("Yes, I will write you a strong letter, probably by next week");

        assertThat(suggestion.heard()).isEqualTo(AnswerHeard.STRONG_YES);
        assertThat(suggestion.signals()).contains("\"strong\"", "\"yes\"");
    }

    @Test
    void a_strong_letter_that_cannot_be_promised_is_a_letter_without_strong_not_a_yes() {
        AnswerClassifier.Suggestion suggestion = AnswerClassifier.suggest("I can't promise a strong letter, but sure");

        assertThat(suggestion.heard()).isEqualTo(AnswerHeard.LETTER_WITHOUT_STRONG);
        assertThat(suggestion.signals()).anyMatch(s -> s.startsWith("\"strong\" taken back: \"i cannot promise a strong"))
                .anyMatch(s -> s.equals("a letter offered: \"sure\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Yes, absolutely. I'd be happy to.", "Sure, you've done a great job, I can do that.",
            "Of course, send me your materials.", "Definitely — I can write you a strong letter.",
            "A strong letter? Absolutely.", "No problem, I'll write you a strong letter.",
            "I wouldn't hesitate to write you a strong letter.", "I don't mind writing you a strong one at all, send me your CV.",
            "Of course! Maybe send me your CV by Friday?", "Happy to write you a strong letter, hopefully within two weeks."})
    void a_real_yes_is_guessed_a_strong_yes(String words) {
        assertThat(guess(words)).as(words).isEqualTo(AnswerHeard.STRONG_YES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I can write you a letter.", "Sure, I'm happy to write you a letter.",
            "I can write you a letter, but not a strong one.", "I can't write you a strong letter, but I can write you a letter.",
            "I can't promise it will be strong, but I'll write one."})
    void a_letter_without_strong_or_with_strong_taken_back_is_a_letter_without_strong(String words) {
        assertThat(guess(words)).as(words).isEqualTo(AnswerHeard.LETTER_WITHOUT_STRONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I don't know you that well, but I guess I can.", "Honestly I don't really know you.",
            "We haven't worked together enough... I haven't spent much time with you."})
    void not_knowing_the_student_well_is_guessed_as_such(String words) {
        assertThat(guess(words)).as(words).isEqualTo(AnswerHeard.DOESNT_KNOW_ME_WELL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Maybe, let's see if I have time.", "Hmm, I'll think about it.", "I'll try, I'm really busy this month.",
            "Yes, if I have the time I will write you a strong letter.", "I could probably write you something.",
            "Maybe next week."})
    void a_hedge_is_guessed_maybe_if_i_have_time(String words) {
        assertThat(guess(words)).as(words).isEqualTo(AnswerHeard.MAYBE_IF_TIME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"It would be more factual than strong.", "I can write a factual letter for you."})
    void more_factual_than_strong_is_guessed_as_such(String words) {
        assertThat(guess(words)).as(words).isEqualTo(AnswerHeard.MORE_FACTUAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I'm not comfortable writing one.", "Sorry, I can’t write letters this year.",
            "I don't feel comfortable with that.", "No, sorry.", "I can't write you a strong letter.",
            "I'm not sure I could write a strong letter for you.", "I have to decline."})
    void not_comfortable_or_another_no_is_guessed_not_comfortable(String words) {
        assertThat(guess(words)).as(words).isEqualTo(AnswerHeard.NOT_COMFORTABLE);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "Let me check my calendar and get back to you about the rotation schedule."})
    void words_that_say_nothing_of_the_kind_give_no_guess(String words) {
        AnswerClassifier.Suggestion suggestion = AnswerClassifier.suggest(words);

        assertThat(suggestion.guess()).isEmpty();
        assertThat(suggestion.signals()).isEmpty();
    }

    @Test
    void an_offer_before_the_ask_is_never_guessed_from_words_the_student_chooses_it() {
        for (String words : new String[]{"Let me know if you want a letter from me.", "I'd be glad to write you a letter if you need one."}) {
            assertThat(guess(words)).as(words).isNotEqualTo(AnswerHeard.OFFERED_BEFORE_ASKED).isNotEqualTo(AnswerHeard.STRONG_YES);
        }
    }
}
