package org.lorkit.domain.shared;

import java.util.List;

/**
 * Several fields refused at once, each with the words a user reads: a record checked whole (a roster row, a student sent
 * to the API) reports everything wrong with it, not only the first thing. The first problem is also the exception's own
 * field and message, so a caller that shows one message still shows a true one.
 */
public class FieldProblems extends DomainException {
    /** One field and what is wrong with it; the field is null for the record as a whole. */
    public record Problem(String field, String message) implements java.io.Serializable {
    }

    private final transient List<Problem> problems;

    public FieldProblems(List<Problem> problems) {
        super(first(problems).field(), first(problems).message());
        this.problems = List.copyOf(problems);
    }

    private static Problem first(List<Problem> problems) {
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("FieldProblems needs at least one problem");
        }
        return problems.get(0);
    }

    public List<Problem> problems() {
        return problems;
    }
}
