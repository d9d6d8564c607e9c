package org.lorkit.domain.letter;

import org.lorkit.domain.shared.Specialty;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A letter that names one specialty should not be reused for another: the warning the kit builder shows
 * when the letter's specialty and the student's target specialties do not line up.
 */
public final class LetterSpecialtyWarning {
    private LetterSpecialtyWarning() {
    }

    public static Optional<String> check(Specialty letterSpecialty, boolean generalLetter, List<Specialty> targets, String writer) {
        if (generalLetter || letterSpecialty == null) {
            return Optional.empty();
        }
        String named = name(letterSpecialty);
        if (!targets.contains(letterSpecialty)) {
            return Optional.of("This letter names " + named + ", which is not one of your target specialties ("
                    + targets.stream().map(LetterSpecialtyWarning::name).collect(Collectors.joining(", "))
                    + "): programs will read it as a " + named + " letter. Choose your target specialty or a general letter.");
        }
        List<String> others = targets.stream().filter(t -> t != letterSpecialty).map(LetterSpecialtyWarning::name).toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("This letter names " + named + ": do not use it for your " + String.join(" or ", others)
                + " applications. If you apply to both, tell " + writer + " now, or ask for a general letter.");
    }

    private static String name(Specialty specialty) {
        return specialty.label().toLowerCase(Locale.ROOT);
    }
}
