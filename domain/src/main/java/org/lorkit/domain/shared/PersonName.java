package org.lorkit.domain.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How LorKit addresses a physician by name: by title and family name, "Dear Dr. Garcia", never "Dear Dr. Luis
 * Garcia". A name is stored whole, as staff or the roster typed it ("Dr. Luis Garcia", "Luis Garcia, MD"), so the
 * family name is read from it: titles before the name and degrees after it go, and the last word stays with the
 * particles that belong to it ("de la Cruz", "van der Berg"). A name typed family name first, with a comma ("Garcia,
 * Luis"), gives the part before the comma. Every attending is a physician, so the title is always "Dr.".
 */
public final class PersonName {
    /** Titles written before a name. */
    private static final Set<String> TITLES = Set.of("dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "mx", "miss");
    /** Degrees, fellowships and generational suffixes written after a name. */
    private static final Set<String> SUFFIXES = Set.of("md", "do", "phd", "mbbs", "mbchb", "mbbch", "frcp", "frcpc", "frcs",
            "facp", "facs", "facc", "faap", "facog", "facep", "mph", "msc", "ms", "mba", "mhs", "dnb", "jr", "sr", "ii",
            "iii", "iv");
    /** Words that belong to the family name that follows them: "María José de la Cruz", "Jan van der Berg". */
    private static final Set<String> PARTICLES = Set.of("de", "del", "della", "der", "den", "di", "da", "das", "dos", "du",
            "la", "le", "van", "von", "ten", "ter", "bin", "ibn", "al", "el", "st");

    private PersonName() {
    }

    /** "Dr. Garcia": how a letter or an email addresses the physician, and how a script names them to their face. */
    public static String doctor(String fullName) {
        String family = familyName(fullName);
        return family.isEmpty() ? "" : "Dr. " + family;
    }

    /** The family name within a whole name: "Garcia" of "Dr. Luis Garcia", "de la Cruz" of "María José de la Cruz". */
    public static String familyName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "";
        }
        String name = fullName.strip().replaceAll("\\s+", " ");
        int comma = name.indexOf(',');
        if (comma > 0) {
            String after = name.substring(comma + 1);
            boolean degreesAfter = Arrays.stream(after.split("[\\s,]+")).filter(w -> !w.isEmpty()).allMatch(PersonName::isSuffix);
            String before = name.substring(0, comma);
            // "Luis Garcia, MD" has degrees after the comma; "Garcia, Luis" has the family name before it
            return degreesAfter ? lastWords(words(before)) : String.join(" ", withoutTitles(words(before)));
        }
        return lastWords(words(name));
    }

    private static List<String> words(String text) {
        return new ArrayList<>(Arrays.stream(text.strip().split(" ")).filter(w -> !w.isEmpty()).toList());
    }

    private static String lastWords(List<String> words) {
        List<String> name = withoutTitles(words);
        while (name.size() > 1 && isSuffix(name.get(name.size() - 1))) {
            name.remove(name.size() - 1);
        }
        if (name.isEmpty()) {
            return String.join(" ", words);
        }
        int first = name.size() - 1;
        // a particle belongs to the family name, never the first word (it is then a given name)
        while (first > 1 && PARTICLES.contains(bare(name.get(first - 1)))) {
            first--;
        }
        return String.join(" ", name.subList(first, name.size()));
    }

    private static List<String> withoutTitles(List<String> words) {
        List<String> name = new ArrayList<>(words);
        while (name.size() > 1 && TITLES.contains(bare(name.get(0)))) {
            name.remove(0);
        }
        return name;
    }

    private static boolean isSuffix(String word) {
        return SUFFIXES.contains(bare(word));
    }

    /** A word as the lists hold it: lower case, without its dots ("M.D." is "md", "Dr." is "dr"). */
    private static String bare(String word) {
        return word.toLowerCase(Locale.ROOT).replace(".", "");
    }
}
