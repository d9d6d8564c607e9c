package org.lorkit.domain.feedback;

import org.junit.jupiter.api.Test;
import org.lorkit.domain.feedback.FeedbackClassifier.RedFlag;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackClassifierTest {

    @Test
    void praise_is_a_green_light() {
        assertThat(FeedbackClassifier.read("You're doing great, keep this up.", Set.of()).signal()).isEqualTo(FeedbackSignal.GREEN_LIGHT);
        assertThat(FeedbackClassifier.read("Residents have said good things about you.", Set.of()).signal()).isEqualTo(FeedbackSignal.GREEN_LIGHT);
        assertThat(FeedbackClassifier.read("You're one of the stronger students on the team.", null).signal()).isEqualTo(FeedbackSignal.GREEN_LIGHT);
    }

    @Test
    void any_ticked_red_flag_outweighs_praise() {
        FeedbackClassifier.Reading reading = FeedbackClassifier.read("Nice job today.", Set.of(RedFlag.ONLY_TWO_OR_THREE_DAYS));

        assertThat(reading.signal()).isEqualTo(FeedbackSignal.RED_FLAG);
        assertThat(reading.reasons()).containsExactly("You only worked with them 2 to 3 days");
    }

    @Test
    void words_that_show_they_do_not_know_the_student_are_a_red_flag() {
        assertThat(FeedbackClassifier.read("Honestly I haven't seen much of you.", Set.of()).signal()).isEqualTo(FeedbackSignal.RED_FLAG);
    }

    @Test
    void anything_else_is_neutral_with_advice() {
        FeedbackClassifier.Reading reading = FeedbackClassifier.read("Read more about heart failure.", Set.of());

        assertThat(reading.signal()).isEqualTo(FeedbackSignal.NEUTRAL);
        assertThat(reading.reasons().get(0)).contains("ask for specific feedback");
    }

    @Test
    void every_red_flag_of_the_checklist_has_words_for_the_page() {
        for (RedFlag flag : RedFlag.values()) {
            assertThat(flag.label()).isNotBlank();
        }
        assertThat(RedFlag.values()).hasSize(4);
    }
}
