package org.lorkit.domain.shared;

/**
 * A business rule refused an operation. The message is written for the person who tried it and is
 * safe to show on a page. Declared an application exception with rollback in the ejb-jar.xml, so nothing is half-saved.
 */
public class DomainException extends RuntimeException {
    private final String field;

    public DomainException(String message) {
        this(null, message);
    }

    public DomainException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input field the problem belongs to, or null when it concerns the whole operation. */
    public String field() {
        return field;
    }
}
