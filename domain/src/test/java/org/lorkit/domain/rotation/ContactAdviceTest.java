package org.lorkit.domain.rotation;

import org.lorkit.domain.agency.AgencyRules;
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
        assertThat(ContactAdvice.forDays(contactDays, AgencyRules.DEFAULTS)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "minimum 10, ideal 21: {0} days of contact => {1}")
    @CsvSource({
            "9,  LIKELY_VAGUE",
            "10, ENOUGH",
            "20, ENOUGH",
            "21, IDEAL",
    })
    void anAgencysOwnThresholdsDecide(int contactDays, ContactAdvice expected) {
        AgencyRules rules = AgencyRules.DEFAULTS.with(AgencyRules.Rule.CONTACT_MINIMUM_DAYS, 10)
                .with(AgencyRules.Rule.CONTACT_IDEAL_DAYS, 21);

        assertThat(ContactAdvice.forDays(contactDays, rules)).isEqualTo(expected);
    }
}
