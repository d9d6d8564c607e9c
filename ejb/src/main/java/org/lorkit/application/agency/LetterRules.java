package org.lorkit.application.agency;

import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.agency.AgencyRules.Rule;

import java.io.Serializable;

/**
 * The numbers of the agency's letter rules as the settings form carries them: unchecked until {@link #toRules()}, which
 * refuses the first number out of its bound, naming its field (the record's component of the same name).
 */
public record LetterRules(int idealLastDays, int acceptableWeeksAfterEnd, int contactMinimumDays, int contactIdealDays,
                          int kitDeadlineDays, int kitDeadlineShortestDays, int kitDeadlineLongestDays,
                          int firstReminderAfterKitDays, int secondReminderAfterFirstDays, int notComingAfterSecondDays,
                          int atRiskHorizonDays) implements Serializable {

    public static LetterRules of(AgencyRules rules) {
        return new LetterRules(rules.idealLastDays(), rules.acceptableWeeksAfterEnd(), rules.contactMinimumDays(),
                rules.contactIdealDays(), rules.kitDeadlineDays(), rules.kitDeadlineShortestDays(), rules.kitDeadlineLongestDays(),
                rules.firstReminderAfterKitDays(), rules.secondReminderAfterFirstDays(), rules.notComingAfterSecondDays(),
                rules.atRiskHorizonDays());
    }

    /** The guides' numbers. */
    public static LetterRules defaults() {
        return of(AgencyRules.DEFAULTS);
    }

    /** The domain's value of these numbers, each checked against its bound. */
    public AgencyRules toRules() {
        return new AgencyRules(idealLastDays, acceptableWeeksAfterEnd, contactMinimumDays, contactIdealDays, kitDeadlineDays,
                kitDeadlineShortestDays, kitDeadlineLongestDays, firstReminderAfterKitDays, secondReminderAfterFirstDays,
                notComingAfterSecondDays, atRiskHorizonDays);
    }

    /** The same numbers but this one (unchecked, like the others). */
    public LetterRules with(Rule rule, int value) {
        int[] v = {idealLastDays, acceptableWeeksAfterEnd, contactMinimumDays, contactIdealDays, kitDeadlineDays,
                kitDeadlineShortestDays, kitDeadlineLongestDays, firstReminderAfterKitDays, secondReminderAfterFirstDays,
                notComingAfterSecondDays, atRiskHorizonDays};
        v[rule.ordinal()] = value;
        return new LetterRules(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }
}
