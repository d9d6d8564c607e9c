package org.lorkit.domain.rotation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContactAdviceTest {
    @ParameterizedTest(name = "{0} days of contact => {1}")
    @CsvSource({
            "0,  LIKELY_VAGUE",
            "3,  LIKELY_VAGUE",
            "13, LIKELY_VAGUE",
            "14, ENOUGH",
            "21, ENOUGH",
            "27, ENOUGH",
            "28, IDEAL",
            "40, IDEAL",
    })
    void adviceFollowsTheTwoAndFourWeekThresholds(int contactDays, ContactAdvice expected) {
        assertThat(ContactAdvice.forDays(contactDays)).isEqualTo(expected);
    }
}
