package org.lorkit.domain.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How LorKit reads a few words someone said (an attending's answer, their feedback) for phrases, without being fooled
 * by a "not": the text is put in one form (lower case, straight apostrophes, contractions spelled out: "can't" becomes
 * "cannot", "don't" "do not"), cut into clauses (at punctuation and at "but", "though", "however"…), and a phrase counts
 * as said only when no negation ("not", "no", "never", "cannot", "without"…) comes before it in its clause. Idioms that
 * carry a "no" but mean yes ("no problem", "I would not hesitate", "I don't mind") are read as a plain yes first.
 * A reader's guess only: the person chooses what was meant.
 */
public final class Phrases {
    private static final Pattern NEGATION = Pattern.compile("\\b(?:not|no|never|cannot|without|hardly|unable|nor|neither)\\b");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.!?;,:()\\n\\u2014\\u2013]|\\s-\\s|\\b(?:but|though|although|however|except)\\b");
    /** Said with a "no" or a "not", meant as a yes: read as "gladly" before anything else. */
    private static final List<String> YES_IDIOMS = List.of("no problem", "not a problem", "no doubt", "without a doubt",
            "without doubt", "no question", "without question", "no hesitation", "without hesitation", "would not hesitate",
            "will not hesitate", "do not hesitate", "would not mind", "do not mind", "no worries", "why not", "cannot wait");

    private Phrases() {
    }

    /** Lower case, straight apostrophes and quotes, contractions spelled out, yes-idioms as "gladly", one space between words. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String t = text.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'')
                .replace('\u201c', '"').replace('\u201d', '"');
        t = t.replaceAll("\\bwon't\\b", "will not")
                .replaceAll("\\bcan't\\b", "cannot")
                .replaceAll("\\bcan not\\b", "cannot")
                .replaceAll("\\bshan't\\b", "shall not")
                .replaceAll("\\bain't\\b", "is not")
                .replaceAll("n't\\b", " not")
                .replaceAll("\\bi'm\\b", "i am")
                .replaceAll("\\blet's\\b", "let us")
                .replaceAll("'ll\\b", " will")
                .replaceAll("'d\\b", " would")
                .replaceAll("'re\\b", " are")
                .replaceAll("'ve\\b", " have");
        t = t.replaceAll("[ \\t\\x0B\\f\\r]+", " ").strip();
        for (String idiom : YES_IDIOMS) {
            t = t.replaceAll("\\b" + idiom + "\\b", "gladly");
        }
        return t;
    }

    /** The clauses of a normalized text, each stripped; empty ones left out. */
    public static List<String> clauses(String normalized) {
        return Arrays.stream(CLAUSE_BREAK.split(normalized)).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    /** A phrase as a pattern on whole words: {@code phrase} is a regular expression ("do not know you (that )?well"). */
    public static Pattern phrase(String phrase) {
        return Pattern.compile("\\b(?:" + phrase + ")\\b");
    }

    public static List<Pattern> phrases(String... phrases) {
        return Arrays.stream(phrases).map(Phrases::phrase).toList();
    }

    /** Whether a negation comes before this position of the clause. */
    public static boolean negatedAt(String clause, int position) {
        return NEGATION.matcher(clause.substring(0, position)).find();
    }

    /** The first occurrence of the phrase in the clause with no negation before it, as the words said. */
    public static Optional<String> affirmed(String clause, Pattern phrase) {
        Matcher m = phrase.matcher(clause);
        while (m.find()) {
            if (!negatedAt(clause, m.start())) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    /** The first occurrence of the phrase in the clause that a negation before it takes back, with the clause up to it. */
    public static Optional<String> negated(String clause, Pattern phrase) {
        Matcher m = phrase.matcher(clause);
        while (m.find()) {
            if (negatedAt(clause, m.start())) {
                return Optional.of(clause.substring(0, m.end()));
            }
        }
        return Optional.empty();
    }

    /** The first occurrence anywhere (for phrases that carry their own negation, such as "not comfortable"). */
    public static Optional<String> anywhere(String text, Pattern phrase) {
        Matcher m = phrase.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** Every phrase of the list said (not negated) in any of the clauses, as the words said, in order. */
    public static List<String> affirmedIn(List<String> clauses, List<Pattern> phrases) {
        List<String> found = new ArrayList<>();
        for (String clause : clauses) {
            for (Pattern p : phrases) {
                affirmed(clause, p).filter(w -> !found.contains(w)).ifPresent(found::add);
            }
        }
        return found;
    }

    /** Every phrase of the list taken back by a negation in any of the clauses, each as the clause up to it. */
    public static List<String> negatedIn(List<String> clauses, List<Pattern> phrases) {
        List<String> found = new ArrayList<>();
        for (String clause : clauses) {
            for (Pattern p : phrases) {
                negated(clause, p).filter(w -> !found.contains(w)).ifPresent(found::add);
            }
        }
        return found;
    }

    /** Every phrase of the list anywhere in the text, as the words said, in order. */
    public static List<String> anywhereIn(String text, List<Pattern> phrases) {
        List<String> found = new ArrayList<>();
        for (Pattern p : phrases) {
            anywhere(text, p).filter(w -> !found.contains(w)).ifPresent(found::add);
        }
        return found;
    }
}
