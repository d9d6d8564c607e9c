package org.lorkit.application.student;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Target specialties are names as a person types them ("Internal Medicine"); the first is the main one. */
public record NewStudent(
        @NotNull(message = "cohortId is required") Long cohortId,
        @NotBlank(message = "fullName is required") @Size(max = 200, message = "fullName must be at most 200 characters") String fullName,
        @NotBlank(message = "email is required") @Email(message = "email is not a valid email address") String email,
        @Size(max = 200) String medicalSchool,
        @Size(max = 100) String country,
        @Pattern(regexp = "\\d{8}", message = "erasAamcId must be 8 digits") String erasAamcId,
        List<@NotBlank String> targetSpecialties) {
}
