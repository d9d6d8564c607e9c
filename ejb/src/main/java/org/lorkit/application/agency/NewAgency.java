package org.lorkit.application.agency;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewAgency(
        @NotBlank(message = "slug is required")
        @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "slug may hold only lower-case letters, digits and dashes")
        @Size(max = 60) String slug,
        @NotBlank(message = "name is required") @Size(max = 200) String name,
        @Email(message = "replyTo is not a valid email address") String replyTo,
        @NotBlank(message = "timeZone is required") String timeZone) {
}
