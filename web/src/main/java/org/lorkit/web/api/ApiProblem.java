package org.lorkit.web.api;

import java.util.List;

/**
 * An RFC 9457 problem detail, as every error of the API is answered ({@code application/problem+json}). {@code errors}
 * only on a validation problem: each field refused, with the words a person reads.
 */
public record ApiProblem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One refused field of the request body or query; the field is null for the request as a whole. */
    public record FieldError(String field, String message) {
    }
}
