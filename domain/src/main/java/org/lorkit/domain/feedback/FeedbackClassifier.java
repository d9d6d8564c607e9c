package org.lorkit.domain.feedback;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "Test the waters": reads what the attending said when asked for feedback, and the red flags the
 * student ticked, as the guide does. Any red flag means do not force a letter from this attending;
 * praise such as "you're doing great" is a green light; anything else is neutral.
 */
public final class FeedbackClassifier {

    /** The guide's red flags, as a checklist the student ticks. */
    public enum RedFlag {
        BARELY_TALKED("They barely talked to you and stayed in the workroom"),
        ONLY_TWO_OR_THREE_DAYS("You only worked with them 2 to 3 days"),
        IGNORED_STUDENTS("They routinely ignored students and spoke only to residents"),
        IRRITATED_BY_IMGS_OR_VISAS("They seemed irritated that you were an IMG or on a visa");

        private final String label;

        RedFlag(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final List<String> GREEN = List.of("doing great", "keep this up", "keep it up", "good things about you",
            "stronger students", "strongest students", "nice job", "doing well", "great job", "impressed", "excellent",
            "good work", "well done");
    private static final List<String> RED = List.of("don't really know you", "do not really know you", "haven't seen much of you",
            "have not seen much of you", "need to improve a lot", "not ready", "who are you", "disappointed");

    private FeedbackClassifier() {
    }

    public record Reading(FeedbackSignal signal, List<String> reasons) {
    }

    public static Reading read(String whatTheySaid, Set<RedFlag> redFlags) {
        String text = whatTheySaid == null ? "" : whatTheySaid.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        List<String> reasons = new ArrayList<>();
        for (RedFlag flag : redFlags == null ? EnumSet.noneOf(RedFlag.class) : redFlags) {
            reasons.add(flag.label());
        }
        RED.stream().filter(text::contains).forEach(phrase -> reasons.add("they said \"" + phrase + "\""));
        if (!reasons.isEmpty()) {
            return new Reading(FeedbackSignal.RED_FLAG, reasons);
        }
        List<String> praise = GREEN.stream().filter(text::contains).map(p -> "they said \"" + p + "\"").toList();
        return praise.isEmpty()
                ? new Reading(FeedbackSignal.NEUTRAL, List.of("no clear praise: ask for specific feedback before asking for a letter"))
                : new Reading(FeedbackSignal.GREEN_LIGHT, praise);
    }
}
