package org.lorkit.domain.shared;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

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
        try {
            return bundle().getString(key(value));
        } catch (MissingResourceException missing) {
            throw new IllegalStateException("No label for " + key(value) + " in " + BUNDLE, missing);
        }
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
        return ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, Labels.class.getClassLoader());
    }
}
