package org.lorkit.application.attending;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.lorkit.domain.attending.AttendingTitle;

public record NewAttending(
        @NotBlank(message = "fullName is required") @Size(max = 200) String fullName,
        @NotBlank(message = "email is required") @Email(message = "email is not a valid email address") String email,
        @NotNull(message = "title is required") AttendingTitle title,
        @NotBlank(message = "specialty is required") String specialty,
        boolean usBased,
        @Size(max = 200) String institution) {
}
