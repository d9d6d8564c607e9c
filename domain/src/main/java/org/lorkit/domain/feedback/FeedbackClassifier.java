package org.lorkit.domain.feedback;

import org.lorkit.domain.shared.Labels;
import org.lorkit.domain.shared.Phrases;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "Test the waters": reads what the attending said when asked for feedback, and the red flags the
 * student ticked, as the guide does. Any red flag means do not force a letter from this attending;
 * praise such as "you're doing great" is a green light, unless a "not" takes it back ("you're not doing
 * well" is a red flag); anything else is neutral.
 */
public final class FeedbackClassifier {

    /** The guide's red flags, as a checklist the student ticks. */
    public enum RedFlag {
        BARELY_TALKED,
        ONLY_TWO_OR_THREE_DAYS,
        IGNORED_STUDENTS,
        IRRITATED_BY_IMGS_OR_VISAS;

        /** The flag as the student ticks it, from the labels bundle. */
        public String label() {
            return Labels.of(this);
        }
    }

    private static final List<String> GREEN = List.of("doing great", "keep this up", "keep it up", "good things about you",
            "stronger students", "strongest students", "nice job", "doing well", "great job", "impressed", "excellent",
            "good work", "well done");
    /** Red flags whose own words carry their negation ("not ready"): found wherever they are. */
    private static final List<String> RED = List.of("do not really know you", "have not seen much of you", "need to improve a lot",
            "not ready", "who are you");
    /** Red flags a "not" before them takes back ("I'm not disappointed"). */
    private static final List<String> RED_UNLESS_NEGATED = List.of("disappointed", "disappointing");
    private static final List<Pattern> GREEN_PHRASES = GREEN.stream().map(Phrases::phrase).toList();
    private static final List<Pattern> RED_PHRASES = RED.stream().map(Phrases::phrase).toList();
    private static final List<Pattern> RED_UNLESS_NEGATED_PHRASES = RED_UNLESS_NEGATED.stream().map(Phrases::phrase).toList();

    private FeedbackClassifier() {
    }

    public record Reading(FeedbackSignal signal, List<String> reasons) {
    }

    /**
     * Praise counts only when no "not" takes it back in its clause: "You're not doing well" is no green light but a red
     * flag (praise taken back is criticism), and "I'm not disappointed" no red flag.
     */
    public static Reading read(String whatTheySaid, Set<RedFlag> redFlags) {
        String text = Phrases.normalize(whatTheySaid);
        List<String> clauses = Phrases.clauses(text);
        List<String> reasons = new ArrayList<>();
        for (RedFlag flag : redFlags == null ? EnumSet.noneOf(RedFlag.class) : redFlags) {
            reasons.add(flag.label());
        }
        Phrases.anywhereIn(text, RED_PHRASES).forEach(phrase -> reasons.add("they said \"" + phrase + "\""));
        Phrases.affirmedIn(clauses, RED_UNLESS_NEGATED_PHRASES).forEach(phrase -> reasons.add("they said \"" + phrase + "\""));
        Phrases.negatedIn(clauses, GREEN_PHRASES).forEach(taken -> reasons.add("they said \"" + taken + "\": praise taken back"));
        if (!reasons.isEmpty()) {
            return new Reading(FeedbackSignal.RED_FLAG, reasons);
        }
        List<String> praise = Phrases.affirmedIn(clauses, GREEN_PHRASES).stream().map(p -> "they said \"" + p + "\"").toList();
        return praise.isEmpty()
                ? new Reading(FeedbackSignal.NEUTRAL, List.of("no clear praise: ask for specific feedback before asking for a letter"))
                : new Reading(FeedbackSignal.GREEN_LIGHT, praise);
    }
}
