package org.lorkit.application.agency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.agency.AgencyRules.Rule;
import org.lorkit.domain.shared.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LetterRulesTest {

    @Test
    void the_defaults_are_the_domains_defaults() {
        assertThat(LetterRules.defaults().toRules()).isEqualTo(AgencyRules.DEFAULTS);
        assertThat(LetterRules.of(AgencyRules.DEFAULTS)).isEqualTo(LetterRules.defaults());
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void each_component_carries_its_rule_under_the_rules_field_name(Rule rule) {
        assertThat(LetterRules.class.getRecordComponents()[rule.ordinal()].getName())
                .as("the refusal names the field of the form").isEqualTo(rule.field());
        assertThat(LetterRules.defaults().with(rule, rule.max()).toRules().value(rule)).isEqualTo(rule.max());
        assertThat(LetterRules.of(AgencyRules.DEFAULTS.with(rule, rule.min())).toRules().value(rule)).isEqualTo(rule.min());
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void a_number_out_of_its_bound_is_refused_when_it_becomes_rules(Rule rule) {
        LetterRules typed = LetterRules.defaults().with(rule, rule.max() + 1);

        DomainException refused = catchThrowableOfType(DomainException.class, typed::toRules);

        assertThat(refused.field()).isEqualTo(rule.field());
        assertThat(refused.getMessage()).isEqualTo(rule.bound());
    }
}
