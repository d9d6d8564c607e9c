package org.lorkit.application.rotation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lorkit.domain.rotation.ClinicalSetting;
import org.lorkit.domain.rotation.RotationKind;

import java.time.LocalDate;

public record NewRotation(
        @NotNull(message = "studentId is required") Long studentId,
        @NotBlank(message = "site is required") @Size(max = 200) String site,
        @NotBlank(message = "specialty is required") String specialty,
        @NotNull(message = "setting is required") ClinicalSetting setting,
        @NotNull(message = "kind is required") RotationKind kind,
        boolean academicAffiliated,
        @NotNull(message = "startDate is required") LocalDate startDate,
        @NotNull(message = "endDate is required") LocalDate endDate) {
}
