package org.lorkit.domain.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an attending's answer to "would you feel comfortable writing me a strong letter?" the way the
 * guide does: a real yes moves on; a letter offered without "strong", "I don't know you that well" or
 * "maybe, if I have time" is a polite no (LUKEWARM: the letter is not used); "not comfortable" or "more
 * factual than strong" is DECLINED. An answer with no clear yes is not a yes.
 */
public final class AnswerClassifier {
    private static final List<String> DECLINE = List.of("not comfortable", "more factual than strong", "more factual",
            "can't write", "cannot write", "won't be able", "will not be able", "unable to write", "decline", "not able to write");
    private static final List<String> HEDGE = List.of("don't know you that well", "do not know you that well",
            "don't know you well", "maybe", "if i have time", "let's see", "lets see", "i guess", "i'll try", "i will try",
            "not sure", "probably", "might be able");
    private static final List<String> REAL_YES = List.of("absolutely", "happy to", "of course", "send me your materials",
            "great job", "definitely", "glad to", "would be delighted", "my pleasure", "strong letter", "strong one",
            "sure", "yes");

    private AnswerClassifier() {
    }

    /** The state the answer leads to, and the words that decided it. */
    public record Reading(LetterState state, List<String> signals) {
        public boolean isYes() {
            return state == LetterState.STRONG_YES;
        }
    }

    public static Reading read(String answer) {
        String text = answer == null ? "" : answer.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        List<String> declines = found(text, DECLINE);
        if (!declines.isEmpty()) {
            return new Reading(LetterState.DECLINED, declines);
        }
        List<String> hedges = found(text, HEDGE);
        if (!hedges.isEmpty()) {
            return new Reading(LetterState.LUKEWARM, hedges);
        }
        if (text.contains("a letter") && !text.contains("strong")) {
            return new Reading(LetterState.LUKEWARM, List.of("offered \"a letter\" without \"strong\""));
        }
        List<String> yes = found(text, REAL_YES);
        if (!yes.isEmpty()) {
            return new Reading(LetterState.STRONG_YES, yes);
        }
        return new Reading(LetterState.LUKEWARM, List.of("no clear yes to a strong letter"));
    }

    private static List<String> found(String text, List<String> phrases) {
        List<String> found = new ArrayList<>();
        for (String phrase : phrases) {
            if (phrase.length() <= 4 ? text.matches("(?s).*\\b" + phrase + "\\b.*") : text.contains(phrase)) {
                found.add(phrase);
            }
        }
        return found;
    }
}
