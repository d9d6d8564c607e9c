package org.lorkit.domain.advice;

import org.lorkit.domain.advice.StudentSituation.LetterFacts;
import org.lorkit.domain.advice.StudentSituation.RotationFacts;
import org.lorkit.domain.advice.StudentSituation.Supervisor;
import org.lorkit.domain.letter.LetterState;
import org.lorkit.domain.agency.AgencyRules;
import org.lorkit.domain.rotation.ContactAdvice;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whom to ask for a letter, best first: the one rule behind every list of writers the student sees (the home's next
 * actions, the Ask page, the writers proposed after a no) and the next writers staff see for a letter that fell
 * through. Writers the guide says not to force a letter from go last, with the reason in words: a red flag in the
 * student's latest feedback check about that attending, or under two weeks of contact ("only 2 to 3 days together").
 * Within each group: letter value (1 best), then the longest contact, then an academic-affiliated site (letterhead
 * and an academic affiliation help), then the name.
 */
public final class WriterSuggestions {
    private WriterSuggestions() {
    }

    /** Why a writer goes last. */
    public enum Reason {
        /** The student's latest feedback check about this attending read as a red flag. */
        RED_FLAG,
        /** Under the agency's minimum of meaningful contact (AgencyRules, two weeks by default). */
        SHORT_CONTACT
    }

    /**
     * A supervisor of one of the student's rotations, as the rule reads them.
     *
     * @param valueRank the letter value for the student's target (1 best, see LetterValue)
     * @param redFlag   the student's latest feedback check about this attending is a red flag
     * @param academic  the rotation's site has an academic affiliation
     */
    public record Candidate(long rotationId, long attendingId, String name, int valueRank, int contactDays, boolean redFlag,
                            boolean academic) implements Serializable {
    }

    /** A candidate in its place, with the reasons it went last (none for a writer the rule has nothing against). */
    public record Suggestion(Candidate candidate, Set<Reason> reasons) implements Serializable {
        public Suggestion {
            reasons = reasons.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(reasons));
        }

        public boolean isCautioned() {
            return !reasons.isEmpty();
        }

        /** The reasons in the student's words, or null: "red flag in your last feedback check; only 9 days together: …". */
        public String caution() {
            return words(false);
        }

        /** The same for staff: "the student's last feedback check", not "your". */
        public String cautionForStaff() {
            return words(true);
        }

        /** "Dr. Lee", or "Dr. Lee (only 9 days together: the letter would likely be vague)". */
        public String named() {
            return isCautioned() ? candidate.name() + " (" + caution() + ")" : candidate.name();
        }

        /** As {@link #named()}, in staff's words. */
        public String namedForStaff() {
            return isCautioned() ? candidate.name() + " (" + cautionForStaff() + ")" : candidate.name();
        }

        private String words(boolean staff) {
            if (reasons.isEmpty()) {
                return null;
            }
            List<String> words = new ArrayList<>();
            if (reasons.contains(Reason.RED_FLAG)) {
                words.add(staff ? "red flag in the student's last feedback check" : "red flag in your last feedback check");
            }
            if (reasons.contains(Reason.SHORT_CONTACT)) {
                words.add(contactWords(candidate.contactDays()));
            }
            return String.join("; ", words);
        }
    }

    /** Why the rule would put a writer with this contact and this last feedback last; empty when it would not. */
    public static Set<Reason> reasons(int contactDays, boolean redFlag, AgencyRules rules) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        if (redFlag) {
            reasons.add(Reason.RED_FLAG);
        }
        if (ContactAdvice.forDays(contactDays, rules) == ContactAdvice.LIKELY_VAGUE) {
            reasons.add(Reason.SHORT_CONTACT);
        }
        return reasons;
    }

    private static String contactWords(int days) {
        String together = days == 0 ? "no days of contact recorded" : days == 1 ? "only 1 day together" : "only " + days + " days together";
        return together + ": the letter would likely be vague";
    }

    private static final Comparator<Suggestion> ORDER = Comparator
            // nothing against them first; short contact next; a red flag last (the guide: do not force those)
            .comparingInt((Suggestion s) -> s.reasons().contains(Reason.RED_FLAG) ? 2 : s.isCautioned() ? 1 : 0)
            .thenComparingInt(s -> s.candidate().valueRank())
            .thenComparing(Comparator.comparingInt((Suggestion s) -> s.candidate().contactDays()).reversed())
            .thenComparing(s -> !s.candidate().academic())
            .thenComparing(s -> s.candidate().name())
            .thenComparingLong(s -> s.candidate().rotationId());

    /** Every candidate, best first, each with the reasons it went last. */
    public static List<Suggestion> rank(Collection<Candidate> candidates, AgencyRules rules) {
        return candidates.stream().map(c -> new Suggestion(c, reasons(c.contactDays(), c.redFlag(), rules))).sorted(ORDER).toList();
    }

    /** A supervisor can be asked while no request to them for that rotation went further than planned. */
    public static boolean isAskable(LetterState latest) {
        return latest == null || latest == LetterState.PLANNED;
    }

    public static Candidate candidate(RotationFacts rotation, Supervisor supervisor) {
        return new Candidate(rotation.id(), supervisor.attendingId(), supervisor.name(), supervisor.valueRank(), supervisor.contactDays(),
                supervisor.redFlag(), rotation.academic());
    }

    /** The supervisors of one rotation, best first. */
    public static List<Suggestion> forRotation(RotationFacts rotation, AgencyRules rules) {
        return rank(rotation.supervisors().stream().map(s -> candidate(rotation, s)).toList(), rules);
    }

    /** A supervisor and where the student's request to them about that rotation stands: its latest state, null when none. */
    public record Standing(Candidate candidate, LetterState latest) {
    }

    /**
     * Whom the student could ask next, best first: the supervisors not yet asked, leaving out anyone already asked on
     * any rotation (a writer who said no, or is writing one letter already, is no next writer).
     */
    public static List<Suggestion> next(Collection<Standing> supervisors, AgencyRules rules) {
        Set<Long> asked = supervisors.stream().filter(s -> !isAskable(s.latest())).map(s -> s.candidate().attendingId())
                .collect(Collectors.toSet());
        return rank(supervisors.stream().filter(s -> !asked.contains(s.candidate().attendingId())).map(Standing::candidate).toList(), rules);
    }

    /** {@link #next(Collection, AgencyRules)} of a student's situation. */
    public static List<Suggestion> next(StudentSituation situation, AgencyRules rules) {
        Map<String, LetterState> latest = new HashMap<>();
        for (LetterFacts letter : situation.letters()) {
            // the letters come oldest first: the last one of a rotation and attending is where it stands
            latest.put(letter.rotationId() + ":" + letter.attendingId(), letter.state());
        }
        List<Standing> supervisors = new ArrayList<>();
        for (RotationFacts rotation : situation.rotations()) {
            for (Supervisor supervisor : rotation.supervisors()) {
                supervisors.add(new Standing(candidate(rotation, supervisor), latest.get(rotation.id() + ":" + supervisor.attendingId())));
            }
        }
        return next(supervisors, rules);
    }

    /**
     * The first {@code max} writers in words, each named once even when they supervised two rotations: "Dr. Kim",
     * "Dr. Kim or Dr. Lee (only 9 days together: the letter would likely be vague)". Empty when there is nobody.
     */
    public static String inWords(List<Suggestion> suggestions, int max, boolean forStaff) {
        Map<Long, Suggestion> once = new java.util.LinkedHashMap<>();
        suggestions.forEach(s -> once.putIfAbsent(s.candidate().attendingId(), s));
        return once.values().stream().limit(max).map(forStaff ? Suggestion::namedForStaff : Suggestion::named)
                .collect(Collectors.joining(" or "));
    }
}
