package org.lorkit.domain.shared;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words a person reads for a value of one of the domain's enums: "Kit sent", never {@code KIT_SENT}. Pages,
 * emails and the kit document all take them from one bundle ({@code org/lorkit/domain/labels.properties}), keyed by
 * the enum's simple name (with its enclosing type's, for a nested one) and the constant: {@code LetterState.KIT_SENT}.
 */
public final class Labels {
    static final String BUNDLE = "org.lorkit.domain.labels";

    private Labels() {
    }

    /** The label of {@code value}, or "" for none. A constant without a label is a bug the bundle's test catches. */
    public static String of(Enum<?> value) {
        if (value == null) {
            return "";
        }
        return Loaded.LABELS.computeIfAbsent(value, Labels::lookUp);
    }

    private static String lookUp(Enum<?> value) {
        try {
            return bundle().getString(key(value));
        } catch (MissingResourceException missing) {
            throw new IllegalStateException("No label for " + key(value) + " in " + BUNDLE, missing);
        }
    }

    /**
     * The label inside a sentence ("this request is kit sent", "closed (in ERAS)"): its first letter in lower case,
     * unless the label starts with an acronym ("CV", "ERAS …"), which keeps its capitals.
     */
    public static String inSentence(Enum<?> value) {
        String label = of(value);
        if (label.isEmpty() || label.length() > 1 && Character.isUpperCase(label.charAt(1))) {
            return label;
        }
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    /** The bundle key of a constant: {@code LetterState.KIT_SENT}, {@code AskWindow.Phase.IDEAL}. */
    public static String key(Enum<?> value) {
        Class<?> type = value.getDeclaringClass();
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            name.insert(0, outer.getSimpleName() + ".");
        }
        return name + "." + value.name();
    }

    private static ResourceBundle bundle() {
        return Loaded.BUNDLE;
    }

    /**
     * Read once, and each label kept once found: a roster import looks labels up for every cell it reads
     * ({@link Specialty#find}), and a key is made by reflection (the enclosing types' names).
     */
    private static final class Loaded {
        static final ResourceBundle BUNDLE = ResourceBundle.getBundle(Labels.BUNDLE, Locale.ENGLISH, Labels.class.getClassLoader());
        static final Map<Enum<?>, String> LABELS = new ConcurrentHashMap<>();
    }
}
