package org.lorkit.domain.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.lorkit.domain.letter.ReminderPolicy;
import org.lorkit.domain.shared.DomainException;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The numbers of the letter rules as one agency sets them: the guides' numbers are the defaults ({@link #DEFAULTS}),
 * and each may change only within the bounds that keep the guides' advice true (a reminder a day after the kit is
 * frantic; a deadline months away is forgotten). The rules read their numbers here: the ask window ({@code AskWindow},
 * {@code AskTimeline}), the contact advice ({@code ContactAdvice}), the kit deadline ({@code KitDeadline}), the
 * reminders ({@link #reminderPolicy()}) and the dashboard's at-risk horizon. Immutable: a change is a new value,
 * checked whole before the agency takes it.
 */
@Embeddable
public class AgencyRules implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Each number, what it is called in words, its unit, the guides' default and its bounds. */
    public enum Rule {
        IDEAL_LAST_DAYS("idealLastDays", "ideal window", "days", 5, 3, 7,
                "The ideal time to ask is the last 3 to 7 days of the rotation, its last day included: "
                        + "late enough to have proved oneself, while still on service"),
        ACCEPTABLE_WEEKS_AFTER_END("acceptableWeeksAfterEnd", "acceptable period after the end", "weeks", 4, 2, 6,
                "Asking by email stays acceptable for 2 to 6 weeks after the rotation ends: "
                        + "later than that, the attending's memory of the student fades"),
        CONTACT_MINIMUM_DAYS("contactMinimumDays", "minimum contact", "days", 14, 10, 21,
                "The minimum contact is 10 to 21 days: under it the letter will likely be vague, and a week together is never enough"),
        CONTACT_IDEAL_DAYS("contactIdealDays", "ideal contact", "days", 28, 21, 56,
                "The ideal contact is 21 to 56 days: the guides say four weeks"),
        KIT_DEADLINE_DAYS("kitDeadlineDays", "kit deadline", "days", 28, 21, 28,
                "The kit's deadline is 3 to 4 weeks (21 to 28 days) after the kit: early, never last-minute"),
        KIT_DEADLINE_SHORTEST_DAYS("kitDeadlineShortestDays", "shortest deadline a student may choose", "days", 7, 7, 14,
                "The shortest deadline a student may choose is 7 to 14 days away: an attending needs at least a week"),
        KIT_DEADLINE_LONGEST_DAYS("kitDeadlineLongestDays", "longest deadline a student may choose", "days", 42, 28, 56,
                "The longest deadline a student may choose is 28 to 56 days away: a deadline months away is easily forgotten"),
        FIRST_REMINDER_DAYS("firstReminderAfterKitDays", "first reminder", "days after the kit", 14,
                ReminderPolicy.FIRST_MIN_DAYS, ReminderPolicy.MAX_DAYS, ReminderPolicy.FIRST_REMINDER_BOUND),
        SECOND_REMINDER_DAYS("secondReminderAfterFirstDays", "second reminder", "days after the first", 10,
                ReminderPolicy.SECOND_MIN_DAYS, ReminderPolicy.MAX_DAYS, ReminderPolicy.SECOND_REMINDER_BOUND),
        NOT_COMING_DAYS("notComingAfterSecondDays", "not coming", "days after the second reminder", 7,
                ReminderPolicy.NOT_COMING_MIN_DAYS, ReminderPolicy.MAX_DAYS, ReminderPolicy.NOT_COMING_BOUND),
        AT_RISK_HORIZON_DAYS("atRiskHorizonDays", "at-risk horizon", "days before the submit date", 30, 7, 90,
                "A student with fewer than 2 strong letters is at risk 7 to 90 days before their submit date");

        private final String field;
        private final String label;
        private final String unit;
        private final int defaultValue;
        private final int min;
        private final int max;
        private final String bound;

        Rule(String field, String label, String unit, int defaultValue, int min, int max, String bound) {
            this.field = field;
            this.label = label;
            this.unit = unit;
            this.defaultValue = defaultValue;
            this.min = min;
            this.max = max;
            this.bound = bound;
        }

        /** The input field a refusal names (the page's field of the same name). */
        public String field() {
            return field;
        }

        /** What the number is, in words: "first reminder". */
        public String label() {
            return label;
        }

        /** "days", "weeks", "days after the kit". */
        public String unit() {
            return unit;
        }

        public int defaultValue() {
            return defaultValue;
        }

        public int min() {
            return min;
        }

        public int max() {
            return max;
        }

        /** The bound and why, in words: shown next to the field, and the message when a number is refused. */
        public String bound() {
            return bound;
        }

        void check(int value) {
            if (value < min || value > max) {
                throw new DomainException(field, bound);
            }
        }
    }

    public static final AgencyRules DEFAULTS = new AgencyRules(defaults());

    @Column(name = "IDEAL_LAST_DAYS")
    private int idealLastDays;
    @Column(name = "ACCEPTABLE_WEEKS")
    private int acceptableWeeksAfterEnd;
    @Column(name = "CONTACT_MINIMUM_DAYS")
    private int contactMinimumDays;
    @Column(name = "CONTACT_IDEAL_DAYS")
    private int contactIdealDays;
    @Column(name = "KIT_DEADLINE_DAYS")
    private int kitDeadlineDays;
    @Column(name = "KIT_DEADLINE_SHORTEST_DAYS")
    private int kitDeadlineShortestDays;
    @Column(name = "KIT_DEADLINE_LONGEST_DAYS")
    private int kitDeadlineLongestDays;
    @Column(name = "FIRST_REMINDER_DAYS")
    private int firstReminderAfterKitDays;
    @Column(name = "SECOND_REMINDER_DAYS")
    private int secondReminderAfterFirstDays;
    @Column(name = "NOT_COMING_DAYS")
    private int notComingAfterSecondDays;
    @Column(name = "AT_RISK_HORIZON_DAYS")
    private int atRiskHorizonDays;

    protected AgencyRules() {
    }

    /** Every number at once, each checked against its bound in this order; the first out of bounds is refused. */
    public AgencyRules(int idealLastDays, int acceptableWeeksAfterEnd, int contactMinimumDays, int contactIdealDays,
                       int kitDeadlineDays, int kitDeadlineShortestDays, int kitDeadlineLongestDays,
                       int firstReminderAfterKitDays, int secondReminderAfterFirstDays, int notComingAfterSecondDays,
                       int atRiskHorizonDays) {
        this(values(idealLastDays, acceptableWeeksAfterEnd, contactMinimumDays, contactIdealDays, kitDeadlineDays,
                kitDeadlineShortestDays, kitDeadlineLongestDays, firstReminderAfterKitDays, secondReminderAfterFirstDays,
                notComingAfterSecondDays, atRiskHorizonDays));
    }

    private AgencyRules(Map<Rule, Integer> values) {
        for (Rule rule : Rule.values()) {
            rule.check(values.get(rule));
        }
        this.idealLastDays = values.get(Rule.IDEAL_LAST_DAYS);
        this.acceptableWeeksAfterEnd = values.get(Rule.ACCEPTABLE_WEEKS_AFTER_END);
        this.contactMinimumDays = values.get(Rule.CONTACT_MINIMUM_DAYS);
        this.contactIdealDays = values.get(Rule.CONTACT_IDEAL_DAYS);
        this.kitDeadlineDays = values.get(Rule.KIT_DEADLINE_DAYS);
        this.kitDeadlineShortestDays = values.get(Rule.KIT_DEADLINE_SHORTEST_DAYS);
        this.kitDeadlineLongestDays = values.get(Rule.KIT_DEADLINE_LONGEST_DAYS);
        this.firstReminderAfterKitDays = values.get(Rule.FIRST_REMINDER_DAYS);
        this.secondReminderAfterFirstDays = values.get(Rule.SECOND_REMINDER_DAYS);
        this.notComingAfterSecondDays = values.get(Rule.NOT_COMING_DAYS);
        this.atRiskHorizonDays = values.get(Rule.AT_RISK_HORIZON_DAYS);
        reminderPolicy(); // the reminders' own rule agrees
    }

    private static Map<Rule, Integer> defaults() {
        Map<Rule, Integer> values = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            values.put(rule, rule.defaultValue());
        }
        return values;
    }

    private static Map<Rule, Integer> values(int... inOrder) {
        Map<Rule, Integer> values = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            values.put(rule, inOrder[rule.ordinal()]);
        }
        return values;
    }

    private Map<Rule, Integer> asMap() {
        Map<Rule, Integer> values = new EnumMap<>(Rule.class);
        for (Rule rule : Rule.values()) {
            values.put(rule, value(rule));
        }
        return values;
    }

    /** The same numbers in a value of its own, for an agency to embed. */
    AgencyRules copy() {
        return new AgencyRules(asMap());
    }

    /** The same numbers but this one, checked against its bound. */
    public AgencyRules with(Rule rule, int value) {
        Map<Rule, Integer> values = asMap();
        values.put(Objects.requireNonNull(rule, "rule"), value);
        return new AgencyRules(values);
    }

    public int value(Rule rule) {
        return switch (rule) {
            case IDEAL_LAST_DAYS -> idealLastDays;
            case ACCEPTABLE_WEEKS_AFTER_END -> acceptableWeeksAfterEnd;
            case CONTACT_MINIMUM_DAYS -> contactMinimumDays;
            case CONTACT_IDEAL_DAYS -> contactIdealDays;
            case KIT_DEADLINE_DAYS -> kitDeadlineDays;
            case KIT_DEADLINE_SHORTEST_DAYS -> kitDeadlineShortestDays;
            case KIT_DEADLINE_LONGEST_DAYS -> kitDeadlineLongestDays;
            case FIRST_REMINDER_DAYS -> firstReminderAfterKitDays;
            case SECOND_REMINDER_DAYS -> secondReminderAfterFirstDays;
            case NOT_COMING_DAYS -> notComingAfterSecondDays;
            case AT_RISK_HORIZON_DAYS -> atRiskHorizonDays;
        };
    }

    /** One number that differs between two sets of rules. */
    public record Change(Rule rule, int from, int to) implements Serializable {
        /** "first reminder from 14 to 10 days after the kit". */
        public String describe() {
            return rule.label() + " from " + from + " to " + to + " " + rule.unit();
        }
    }

    /** What changes from these rules to those, in the order of the rules (none when they are the same). */
    public List<Change> changesTo(AgencyRules after) {
        List<Change> changes = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            if (value(rule) != after.value(rule)) {
                changes.add(new Change(rule, value(rule), after.value(rule)));
            }
        }
        return changes;
    }

    /** How many calendar days at the end of a rotation, its last day included, are the ideal time to ask. */
    public int idealLastDays() {
        return idealLastDays;
    }

    public int acceptableWeeksAfterEnd() {
        return acceptableWeeksAfterEnd;
    }

    /** The acceptable period after the last day, in days. */
    public int acceptableDaysAfterEnd() {
        return acceptableWeeksAfterEnd * 7;
    }

    /** Under this many days of meaningful contact, the letter will likely be vague. */
    public int contactMinimumDays() {
        return contactMinimumDays;
    }

    /** From this many days of contact on, the contact is ideal. */
    public int contactIdealDays() {
        return contactIdealDays;
    }

    /** The deadline the kit proposes, this many days after it (before the planned submit date, see KitDeadline). */
    public int kitDeadlineDays() {
        return kitDeadlineDays;
    }

    /** The nearest deadline a student may choose; also the deadline of a late ask. */
    public int kitDeadlineShortestDays() {
        return kitDeadlineShortestDays;
    }

    /** The furthest deadline a student may choose. */
    public int kitDeadlineLongestDays() {
        return kitDeadlineLongestDays;
    }

    public int firstReminderAfterKitDays() {
        return firstReminderAfterKitDays;
    }

    public int secondReminderAfterFirstDays() {
        return secondReminderAfterFirstDays;
    }

    public int notComingAfterSecondDays() {
        return notComingAfterSecondDays;
    }

    /** A student submitting within this many days with fewer than 2 strong letters is at risk. */
    public int atRiskHorizonDays() {
        return atRiskHorizonDays;
    }

    public ReminderPolicy reminderPolicy() {
        return new ReminderPolicy(firstReminderAfterKitDays, secondReminderAfterFirstDays, notComingAfterSecondDays);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof AgencyRules rules && asMap().equals(rules.asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        return "AgencyRules" + asMap();
    }
}
