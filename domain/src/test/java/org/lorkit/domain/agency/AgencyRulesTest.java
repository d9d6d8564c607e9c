package org.lorkit.domain.agency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lorkit.domain.agency.AgencyRules.Change;
import org.lorkit.domain.agency.AgencyRules.Rule;
import org.lorkit.domain.letter.ReminderPolicy;
import org.lorkit.domain.shared.DomainException;

import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AgencyRulesTest {

    @Test
    void the_defaults_are_the_guides_numbers() {
        AgencyRules rules = AgencyRules.DEFAULTS;

        assertThat(rules.idealLastDays()).isEqualTo(5);
        assertThat(rules.acceptableWeeksAfterEnd()).isEqualTo(4);
        assertThat(rules.acceptableDaysAfterEnd()).isEqualTo(28);
        assertThat(rules.contactMinimumDays()).isEqualTo(14);
        assertThat(rules.contactIdealDays()).isEqualTo(28);
        assertThat(rules.kitDeadlineDays()).isEqualTo(28);
        assertThat(rules.kitDeadlineShortestDays()).isEqualTo(7);
        assertThat(rules.kitDeadlineLongestDays()).isEqualTo(42);
        assertThat(rules.firstReminderAfterKitDays()).isEqualTo(14);
        assertThat(rules.secondReminderAfterFirstDays()).isEqualTo(10);
        assertThat(rules.notComingAfterSecondDays()).isEqualTo(7);
        assertThat(rules.atRiskHorizonDays()).isEqualTo(30);
        assertThat(rules.reminderPolicy()).isEqualTo(ReminderPolicy.DEFAULT);
    }

    @Test
    void a_new_agency_starts_with_the_defaults() {
        Agency agency = new Agency("bridgeway", "Bridgeway", null, "America/Chicago", Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(agency.getRules()).isEqualTo(AgencyRules.DEFAULTS);
        assertThat(agency.getReminderPolicy()).isEqualTo(ReminderPolicy.DEFAULT);
    }

    @Test
    void the_constructor_takes_the_numbers_in_the_order_of_the_rules() {
        AgencyRules rules = new AgencyRules(3, 2, 10, 21, 21, 8, 30, 7, 5, 1, 60);

        assertThat(rules.idealLastDays()).isEqualTo(3);
        assertThat(rules.acceptableWeeksAfterEnd()).isEqualTo(2);
        assertThat(rules.acceptableDaysAfterEnd()).isEqualTo(14);
        assertThat(rules.contactMinimumDays()).isEqualTo(10);
        assertThat(rules.contactIdealDays()).isEqualTo(21);
        assertThat(rules.kitDeadlineDays()).isEqualTo(21);
        assertThat(rules.kitDeadlineShortestDays()).isEqualTo(8);
        assertThat(rules.kitDeadlineLongestDays()).isEqualTo(30);
        assertThat(rules.firstReminderAfterKitDays()).isEqualTo(7);
        assertThat(rules.secondReminderAfterFirstDays()).isEqualTo(5);
        assertThat(rules.notComingAfterSecondDays()).isEqualTo(1);
        assertThat(rules.atRiskHorizonDays()).isEqualTo(60);
        assertThat(rules.reminderPolicy()).isEqualTo(new ReminderPolicy(7, 5, 1));
        for (Rule rule : Rule.values()) {
            assertThat(rules.value(rule)).as(rule.name()).isEqualTo(switch (rule) {
                case IDEAL_LAST_DAYS -> 3;
                case ACCEPTABLE_WEEKS_AFTER_END -> 2;
                case CONTACT_MINIMUM_DAYS -> 10;
                case CONTACT_IDEAL_DAYS, KIT_DEADLINE_DAYS -> 21;
                case KIT_DEADLINE_SHORTEST_DAYS -> 8;
                case KIT_DEADLINE_LONGEST_DAYS -> 30;
                case FIRST_REMINDER_DAYS -> 7;
                case SECOND_REMINDER_DAYS -> 5;
                case NOT_COMING_DAYS -> 1;
                case AT_RISK_HORIZON_DAYS -> 60;
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void each_rule_takes_its_lowest_and_its_highest_number_and_its_default_is_between(Rule rule) {
        assertThat(rule.defaultValue()).isBetween(rule.min(), rule.max());
        assertThat(AgencyRules.DEFAULTS.value(rule)).isEqualTo(rule.defaultValue());
        assertThat(AgencyRules.DEFAULTS.with(rule, rule.min()).value(rule)).isEqualTo(rule.min());
        assertThat(AgencyRules.DEFAULTS.with(rule, rule.max()).value(rule)).isEqualTo(rule.max());
    }

    @ParameterizedTest
    @EnumSource(Rule.class)
    void each_rule_refuses_a_number_just_outside_its_bounds_naming_its_field(Rule rule) {
        for (int outside : new int[]{rule.min() - 1, rule.max() + 1, 0, -1}) {
            DomainException refused = catchThrowableOfType(DomainException.class, () -> AgencyRules.DEFAULTS.with(rule, outside));

            assertThat(refused).as("%s = %d", rule, outside).isNotNull();
            assertThat(refused.field()).isEqualTo(rule.field());
            assertThat(refused.getMessage()).isEqualTo(rule.bound());
        }
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of(Rule.IDEAL_LAST_DAYS, 2, "idealLastDays", "The ideal time to ask is the last 3 to 7 days of the rotation, "
                        + "its last day included: late enough to have proved oneself, while still on service"),
                Arguments.of(Rule.IDEAL_LAST_DAYS, 8, "idealLastDays", "The ideal time to ask is the last 3 to 7 days of the rotation, "
                        + "its last day included: late enough to have proved oneself, while still on service"),
                Arguments.of(Rule.ACCEPTABLE_WEEKS_AFTER_END, 1, "acceptableWeeksAfterEnd", "Asking by email stays acceptable for 2 to 6 "
                        + "weeks after the rotation ends: later than that, the attending's memory of the student fades"),
                Arguments.of(Rule.ACCEPTABLE_WEEKS_AFTER_END, 7, "acceptableWeeksAfterEnd", "Asking by email stays acceptable for 2 to 6 "
                        + "weeks after the rotation ends: later than that, the attending's memory of the student fades"),
                Arguments.of(Rule.CONTACT_MINIMUM_DAYS, 7, "contactMinimumDays", "The minimum contact is 10 to 21 days: under it the "
                        + "letter will likely be vague, and a week together is never enough"),
                Arguments.of(Rule.CONTACT_MINIMUM_DAYS, 22, "contactMinimumDays", "The minimum contact is 10 to 21 days: under it the "
                        + "letter will likely be vague, and a week together is never enough"),
                Arguments.of(Rule.CONTACT_IDEAL_DAYS, 20, "contactIdealDays", "The ideal contact is 21 to 56 days: the guides say four weeks"),
                Arguments.of(Rule.CONTACT_IDEAL_DAYS, 57, "contactIdealDays", "The ideal contact is 21 to 56 days: the guides say four weeks"),
                Arguments.of(Rule.KIT_DEADLINE_DAYS, 14, "kitDeadlineDays", "The kit's deadline is 3 to 4 weeks (21 to 28 days) after the "
                        + "kit: early, never last-minute"),
                Arguments.of(Rule.KIT_DEADLINE_DAYS, 35, "kitDeadlineDays", "The kit's deadline is 3 to 4 weeks (21 to 28 days) after the "
                        + "kit: early, never last-minute"),
                Arguments.of(Rule.KIT_DEADLINE_SHORTEST_DAYS, 3, "kitDeadlineShortestDays", "The shortest deadline a student may choose "
                        + "is 7 to 14 days away: an attending needs at least a week"),
                Arguments.of(Rule.KIT_DEADLINE_SHORTEST_DAYS, 15, "kitDeadlineShortestDays", "The shortest deadline a student may choose "
                        + "is 7 to 14 days away: an attending needs at least a week"),
                Arguments.of(Rule.KIT_DEADLINE_LONGEST_DAYS, 27, "kitDeadlineLongestDays", "The longest deadline a student may choose is "
                        + "28 to 56 days away: a deadline months away is easily forgotten"),
                Arguments.of(Rule.KIT_DEADLINE_LONGEST_DAYS, 90, "kitDeadlineLongestDays", "The longest deadline a student may choose is "
                        + "28 to 56 days away: a deadline months away is easily forgotten"),
                Arguments.of(Rule.FIRST_REMINDER_DAYS, 1, "firstReminderAfterKitDays", "The first reminder goes at least 7 days after "
                        + "the kit, and at most 60: polite, never frantic"),
                Arguments.of(Rule.FIRST_REMINDER_DAYS, 6, "firstReminderAfterKitDays", "The first reminder goes at least 7 days after "
                        + "the kit, and at most 60: polite, never frantic"),
                Arguments.of(Rule.SECOND_REMINDER_DAYS, 4, "secondReminderAfterFirstDays", "The second reminder goes at least 5 days "
                        + "after the first, and at most 60: polite, never frantic"),
                Arguments.of(Rule.SECOND_REMINDER_DAYS, 61, "secondReminderAfterFirstDays", "The second reminder goes at least 5 days "
                        + "after the first, and at most 60: polite, never frantic"),
                Arguments.of(Rule.NOT_COMING_DAYS, 0, "notComingAfterSecondDays", "The letter is taken as not coming 1 to 60 days after "
                        + "the second and last reminder"),
                Arguments.of(Rule.AT_RISK_HORIZON_DAYS, 6, "atRiskHorizonDays", "A student with fewer than 2 strong letters is at risk "
                        + "7 to 90 days before their submit date"),
                Arguments.of(Rule.AT_RISK_HORIZON_DAYS, 91, "atRiskHorizonDays", "A student with fewer than 2 strong letters is at risk "
                        + "7 to 90 days before their submit date"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("messages")
    void each_refusal_says_the_bound_in_words(Rule rule, int value, String field, String message) {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> AgencyRules.DEFAULTS.with(rule, value));

        assertThat(refused.field()).isEqualTo(field);
        assertThat(refused.getMessage()).isEqualTo(message);
    }

    @Test
    void the_constructor_refuses_the_first_number_out_of_bounds() {
        DomainException refused = catchThrowableOfType(DomainException.class, () -> new AgencyRules(5, 4, 14, 28, 28, 7, 42, 3, 2, 7, 30));

        assertThat(refused.field()).isEqualTo("firstReminderAfterKitDays");
        assertThat(refused.getMessage()).contains("polite, never frantic");
    }

    @Test
    void with_changes_one_number_and_keeps_the_rest() {
        AgencyRules rules = AgencyRules.DEFAULTS.with(Rule.FIRST_REMINDER_DAYS, 10);

        assertThat(rules.firstReminderAfterKitDays()).isEqualTo(10);
        assertThat(rules.reminderPolicy().firstReminderAfterKitDays()).isEqualTo(10);
        assertThat(rules.with(Rule.FIRST_REMINDER_DAYS, 14)).isEqualTo(AgencyRules.DEFAULTS).hasSameHashCodeAs(AgencyRules.DEFAULTS);
        assertThat(AgencyRules.DEFAULTS.firstReminderAfterKitDays()).as("the defaults never change").isEqualTo(14);
    }

    @Test
    void the_changes_between_two_sets_of_rules_are_listed_in_words() {
        AgencyRules after = AgencyRules.DEFAULTS.with(Rule.FIRST_REMINDER_DAYS, 10).with(Rule.ACCEPTABLE_WEEKS_AFTER_END, 3);

        assertThat(AgencyRules.DEFAULTS.changesTo(after)).containsExactly(
                new Change(Rule.ACCEPTABLE_WEEKS_AFTER_END, 4, 3), new Change(Rule.FIRST_REMINDER_DAYS, 14, 10));
        assertThat(AgencyRules.DEFAULTS.changesTo(after)).extracting(Change::describe).containsExactly(
                "acceptable period after the end from 4 to 3 weeks", "first reminder from 14 to 10 days after the kit");
        assertThat(after.changesTo(after)).isEmpty();
    }

    @Test
    void an_agency_takes_new_rules_and_says_what_changed() {
        Agency agency = new Agency("bridgeway", "Bridgeway", null, "America/Chicago", Instant.parse("2027-01-01T00:00:00Z"));
        AgencyRules brisk = AgencyRules.DEFAULTS.with(Rule.IDEAL_LAST_DAYS, 3);

        assertThat(agency.changeRules(brisk)).containsExactly(new Change(Rule.IDEAL_LAST_DAYS, 5, 3));
        assertThat(agency.getRules()).isEqualTo(brisk);
        assertThat(agency.changeRules(brisk)).as("the same rules again change nothing").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"IDEAL_LAST_DAYS, 3 to 7 days", "ACCEPTABLE_WEEKS_AFTER_END, 2 to 6 weeks"})
    void each_rule_has_a_unit(Rule rule, String bounds) {
        assertThat(rule.min() + " to " + rule.max() + " " + rule.unit()).isEqualTo(bounds);
        assertThat(rule.label()).isNotBlank();
    }
}
