package org.lorkit.domain.letter;

import org.lorkit.domain.shared.Phrases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * LorKit's guess of which of the guide's answers ({@link AnswerHeard}) the attending's words are, to pre-select it for
 * the student, who chooses: the words never decide the state themselves. It reads them clause by clause and minds a
 * "not": "I can't promise a strong letter, but sure" offers a letter without "strong" (no yes); "Yes, I will write you a
 * strong letter, probably by next week" is a yes (the "probably" is about when). Most careful first: "more factual than
 * strong", "not comfortable", "I don't know you that well", a "strong" taken back, another no, a hedge ("maybe", "if I
 * have time"), a strong yes, a letter without "strong", a plain yes to the strong question; otherwise no guess.
 */
public final class AnswerClassifier {
    private static final List<Pattern> FACTUAL = Phrases.phrases("more factual", "factual letter", "factual than strong",
            "fairly factual", "mostly factual", "stick to the facts", "keep it factual");
    private static final List<Pattern> NOT_COMFORTABLE = Phrases.phrases("not (?:feel |be |really )?comfortable", "uncomfortable");
    private static final List<Pattern> DOES_NOT_KNOW = Phrases.phrases(
            "do not (?:really )?know you(?: that| very| too| all that| so)? well", "do not (?:really )?know you enough",
            "do not really know you", "not know you well", "barely know you", "hardly know you", "not sure i know you",
            "have not (?:worked|spent) (?:enough|much)(?: time)? with you", "did not work with you (?:enough|much|long)",
            "have not seen (?:much|enough) of you", "only (?:worked with|saw|seen) you (?:for )?(?:a few|two|three|2|3) days");
    private static final Pattern STRONG = Phrases.phrase("strong(?:ly|est)?");
    /** Another no, said outright. */
    private static final List<Pattern> NO = Phrases.phrases("cannot write", "will not be able to", "would not be able to",
            "not be able to write", "unable to write", "not able to write", "(?:have to|must|will|going to|i) decline",
            "would rather not", "not in a position", "cannot do (?:it|that|one)", "not write letters", "not writing letters",
            "afraid not", "afraid i cannot", "sorry no", "no sorry");
    private static final Pattern PLAIN_NO = Pattern.compile("^no(?: thanks?| sorry)?$|^no\\b(?! problem)");
    /** A hedge: no yes to a strong letter. */
    private static final List<Pattern> HEDGE = Phrases.phrases("maybe", "perhaps", "possibly", "might", "if i (?:have|get|find|can find) (?:the |some )?time",
            "if time (?:allows|permits)", "when i (?:have|get|find) (?:the |some )?time", "let us see", "we will see", "i will see",
            "i will try", "i can try", "i could try", "i would try", "think about it", "not sure", "i guess", "i suppose",
            "depends", "(?:can|could|will|would) probably", "probably (?:can|could)", "if i can", "do not have (?:the |much |enough )?time",
            "no time", "too busy", "very busy", "swamped");
    /** Hedges that may only say when, next to a clear yes: "probably by next week". */
    private static final Pattern SOFT = Phrases.phrase("maybe|perhaps|possibly|probably|hopefully|likely");
    private static final Pattern WHEN = Phrases.phrase("by|within|next|this week|this month|tomorrow|soon|end of|in a few days|"
            + "monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weeks|days");
    private static final Pattern IF = Phrases.phrase("if|unless|depends");
    private static final List<Pattern> YES = Phrases.phrases("yes", "yeah", "yep", "sure", "absolutely", "of course", "happy to",
            "glad to", "gladly", "surely", "definitely", "certainly", "my pleasure", "delighted", "love to", "honored", "honoured",
            "send me (?:your|the) (?:materials|cv|documents|things|stuff|details|information)", "send (?:it|them|everything) (?:over|my way)",
            "comfortable", "i can do (?:that|it)", "i will do (?:that|it)", "okay", "ok", "count on me");
    private static final List<Pattern> WRITES = Phrases.phrases("(?:can|will|would|could|shall) (?:gladly )?write", "write you",
            "writing you", "happy to write", "i will do", "i can do");
    private static final List<Pattern> A_LETTER = Phrases.phrases("a letter", "write you one", "write one", "a recommendation",
            "letter of recommendation", "recommendation letter", "write something", "something for you");

    private AnswerClassifier() {
    }

    /** The guess (empty when the words give none) and the words it was read from. */
    public record Suggestion(AnswerHeard heard, List<String> signals) {
        public Optional<AnswerHeard> guess() {
            return Optional.ofNullable(heard);
        }

        static Suggestion of(AnswerHeard heard, List<String> signals) {
            return new Suggestion(heard, List.copyOf(signals));
        }
    }

    public static Suggestion suggest(String words) {
        String text = Phrases.normalize(words);
        if (text.isBlank()) {
            return Suggestion.of(null, List.of());
        }
        List<String> clauses = Phrases.clauses(text);

        List<String> factual = Phrases.anywhereIn(text, FACTUAL);
        if (!factual.isEmpty()) {
            return Suggestion.of(AnswerHeard.MORE_FACTUAL, quoted(factual));
        }
        List<String> uncomfortable = Phrases.anywhereIn(text, NOT_COMFORTABLE);
        if (!uncomfortable.isEmpty()) {
            return Suggestion.of(AnswerHeard.NOT_COMFORTABLE, quoted(uncomfortable));
        }
        List<String> unknown = Phrases.anywhereIn(text, DOES_NOT_KNOW);
        if (!unknown.isEmpty()) {
            return Suggestion.of(AnswerHeard.DOESNT_KNOW_ME_WELL, quoted(unknown));
        }
        List<String> strongTakenBack = Phrases.negatedIn(clauses, List.of(STRONG));
        List<String> offers = offers(clauses);
        if (!strongTakenBack.isEmpty()) {
            List<String> signals = new ArrayList<>(quoted(strongTakenBack).stream().map(s -> "\"strong\" taken back: " + s).toList());
            if (!offers.isEmpty()) {
                signals.addAll(quoted(offers).stream().map(s -> "a letter offered: " + s).toList());
                return Suggestion.of(AnswerHeard.LETTER_WITHOUT_STRONG, signals);
            }
            return Suggestion.of(AnswerHeard.NOT_COMFORTABLE, signals);
        }
        List<String> no = new ArrayList<>(Phrases.anywhereIn(text, NO));
        clauses.stream().filter(c -> PLAIN_NO.matcher(c).find()).findFirst().ifPresent(c -> no.add("no"));
        if (!no.isEmpty()) {
            return Suggestion.of(AnswerHeard.NOT_COMFORTABLE, quoted(no));
        }
        List<String> strong = Phrases.affirmedIn(clauses, List.of(STRONG));
        boolean strongYes = !strong.isEmpty() && !offers.isEmpty();
        List<String> hedges = hedges(clauses, !offers.isEmpty());
        if (!hedges.isEmpty()) {
            return Suggestion.of(AnswerHeard.MAYBE_IF_TIME, quoted(hedges));
        }
        if (strongYes) {
            List<String> signals = new ArrayList<>(quoted(strong));
            signals.addAll(quoted(offers));
            return Suggestion.of(AnswerHeard.STRONG_YES, signals);
        }
        List<String> letter = Phrases.affirmedIn(clauses, A_LETTER);
        if (!letter.isEmpty()) {
            return Suggestion.of(AnswerHeard.LETTER_WITHOUT_STRONG, quoted(letter).stream().map(s -> "offered " + s + " without \"strong\"").toList());
        }
        List<String> yes = Phrases.affirmedIn(clauses, YES);
        if (!yes.isEmpty()) {
            return Suggestion.of(AnswerHeard.STRONG_YES, quoted(yes));
        }
        return Suggestion.of(null, List.of());
    }

    /** A yes, or words that say they will write, not taken back in their clause. */
    private static List<String> offers(List<String> clauses) {
        List<String> found = new ArrayList<>(Phrases.affirmedIn(clauses, YES));
        Phrases.affirmedIn(clauses, WRITES).stream().filter(w -> !found.contains(w)).forEach(found::add);
        return found;
    }

    /**
     * The hedges said; a soft one ("probably", "maybe") in a clause that only says when ("probably by next week") does
     * not count next to a yes.
     */
    private static List<String> hedges(List<String> clauses, boolean yes) {
        List<String> found = new ArrayList<>();
        for (String clause : clauses) {
            boolean onlyWhen = yes && SOFT.matcher(clause).find() && WHEN.matcher(clause).find() && !IF.matcher(clause).find();
            if (onlyWhen) {
                continue;
            }
            for (Pattern hedge : HEDGE) {
                Phrases.anywhere(clause, hedge).filter(w -> !found.contains(w)).ifPresent(found::add);
            }
        }
        return found;
    }

    private static List<String> quoted(List<String> words) {
        return words.stream().map(w -> "\"" + w + "\"").toList();
    }
}
