package org.lorkit.application.cohort;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record NewCohort(
        @NotBlank(message = "name is required") @Size(max = 120, message = "name must be at most 120 characters") String name,
        @Min(value = 2000, message = "matchYear must be a year such as 2028") @Max(2100) int matchYear,
        @NotBlank(message = "targetSpecialty is required") String targetSpecialty,
        LocalDate erasOpensOn,
        @NotNull(message = "plannedSubmitOn is required") LocalDate plannedSubmitOn,
        LocalDate programsReviewOn) {
}
