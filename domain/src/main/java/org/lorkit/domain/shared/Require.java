package org.lorkit.domain.shared;

import java.time.LocalDate;
import java.util.Objects;

/** Argument checks for aggregate constructors and methods, failing with a message fit for a page. */
public final class Require {
    private Require() {
    }

    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new DomainException(field, field + " is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new DomainException(field, field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    /**
     * A one-line text such as a name: no line breaks or other control characters, which would let it break out of
     * an email header (the kit email's subject and sender carry names) or a CSV row.
     */
    public static String line(String field, String value, int maxLength) {
        String checked = text(field, value, maxLength);
        if (checked.chars().anyMatch(Character::isISOControl)) {
            throw new DomainException(field, field + " must be on one line, without control characters");
        }
        return checked;
    }

    public static String optionalLine(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : line(field, value, maxLength);
    }

    public static String optionalText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(field, value, maxLength);
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new DomainException(field, field + " is required");
        }
        return value;
    }

    public static String email(String field, String value) {
        String email = text(field, value, 254).toLowerCase(java.util.Locale.ROOT);
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new DomainException(field, field + " is not a valid email address: " + value);
        }
        return email;
    }

    public static void notBefore(String field, LocalDate later, String otherField, LocalDate earlier) {
        Objects.requireNonNull(later);
        Objects.requireNonNull(earlier);
        if (later.isBefore(earlier)) {
            throw new DomainException(field, field + " (" + Dates.day(later) + ") is before " + otherField + " (" + Dates.day(earlier) + ")");
        }
    }
}
