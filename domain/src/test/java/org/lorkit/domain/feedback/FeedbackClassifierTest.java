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
    void praise_that_a_not_takes_back_is_no_green_light_but_a_red_flag() {
        FeedbackClassifier.Reading reading = FeedbackClassifier.read("You're not doing well", Set.of());

        assertThat(reading.signal()).isEqualTo(FeedbackSignal.RED_FLAG);
        assertThat(reading.reasons()).containsExactly("they said \"you are not doing well\": praise taken back");
        assertThat(FeedbackClassifier.read("I don't think this was good work.", Set.of()).signal()).isEqualTo(FeedbackSignal.RED_FLAG);
        assertThat(FeedbackClassifier.read("Honestly, I'm not impressed.", Set.of()).signal()).isEqualTo(FeedbackSignal.RED_FLAG);
    }

    @Test
    void a_not_in_another_clause_leaves_the_praise_alone() {
        assertThat(FeedbackClassifier.read("Not bad at all, you're doing great.", Set.of()).signal()).isEqualTo(FeedbackSignal.GREEN_LIGHT);
        assertThat(FeedbackClassifier.read("No complaints: keep it up!", Set.of()).signal()).isEqualTo(FeedbackSignal.GREEN_LIGHT);
    }

    @Test
    void a_red_flag_a_not_takes_back_is_none() {
        FeedbackClassifier.Reading reading = FeedbackClassifier.read("I'm not disappointed at all; good work.", Set.of());

        assertThat(reading.signal()).isEqualTo(FeedbackSignal.GREEN_LIGHT);
        assertThat(FeedbackClassifier.read("I was disappointed today.", Set.of()).signal()).isEqualTo(FeedbackSignal.RED_FLAG);
        assertThat(FeedbackClassifier.read("You're not ready for this.", Set.of()).signal()).isEqualTo(FeedbackSignal.RED_FLAG);
    }

    @Test
    void every_red_flag_of_the_checklist_has_words_for_the_page() {
        for (RedFlag flag : RedFlag.values()) {
            assertThat(flag.label()).isNotBlank();
        }
        assertThat(RedFlag.values()).hasSize(4);
    }
}
