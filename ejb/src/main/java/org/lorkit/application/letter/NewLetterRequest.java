package org.lorkit.application.letter;

import jakarta.validation.constraints.NotNull;

/** The specialty the letter speaks to; empty means the student's main target specialty. */
public record NewLetterRequest(
        @NotNull(message = "studentId is required") Long studentId,
        @NotNull(message = "attendingId is required") Long attendingId,
        @NotNull(message = "rotationId is required") Long rotationId,
        String specialty) {
}
