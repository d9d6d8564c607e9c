package org.lorkit.application.agency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/**
 * What an agency's admin sets: the sender name and reply-to address of every email, the agency's time zone,
 * and the numbers of the letter rules (the ask window, contact, kit deadline, reminders and at-risk horizon), each
 * checked against its bound by the domain (AgencyRules).
 */
public record AgencySettings(
        @NotBlank(message = "The sender name is required") @Size(max = 200, message = "The sender name must be at most 200 characters") String senderName,
        @Email(message = "This is not a valid email address") @Size(max = 254) String replyTo,
        @NotBlank(message = "The time zone is required") String timeZone,
        @NotNull(message = "The letter rules are required") @Valid LetterRules rules)
        implements Serializable {
}
