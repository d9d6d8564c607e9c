package org.lorkit.domain.shared;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The name of a file LorKit hands out, from what it is about: "ask-window-st-marys.ics" for the ask window of a rotation
 * at St. Mary's. Plain ASCII letters, digits and hyphens only, so that every browser and calendar keeps it as it is and
 * no name a person typed can reach a header or a path: accents lose their marks, apostrophes go, anything else
 * becomes one hyphen.
 */
public final class FileNames {
    /** Enough for a site's or a person's name; a longer one is cut at a hyphen where it can be. */
    static final int MAX_WORDS_LENGTH = 60;

    private FileNames() {
    }

    /** "St. Mary's Medical Center" becomes "st-marys-medical-center"; empty when nothing readable is left. */
    public static String words(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("['’]", "");
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_WORDS_LENGTH) {
            slug = slug.substring(0, MAX_WORDS_LENGTH);
            int hyphen = slug.lastIndexOf('-');
            slug = hyphen > 0 ? slug.substring(0, hyphen) : slug;
        }
        return slug;
    }

    /** "ask-window" and "St. Mary's" with "ics" become "ask-window-st-marys.ics"; without readable words, "ask-window.ics". */
    public static String of(String what, String about, String extension) {
        String words = words(about);
        return what + (words.isEmpty() ? "" : "-" + words) + "." + extension;
    }
}
