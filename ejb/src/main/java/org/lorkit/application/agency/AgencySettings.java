package org.lorkit.application.agency;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.io.Serializable;

/**
 * What an agency's admin sets: the sender name and reply-to address of every email, the agency's time zone,
 * and the reminder policy (days after the kit to the first reminder, after the first to the second, and after
 * the second until the letter is taken as not coming).
 */
public record AgencySettings(
        @NotBlank(message = "The sender name is required") @Size(max = 200, message = "The sender name must be at most 200 characters") String senderName,
        @Email(message = "This is not a valid email address") @Size(max = 254) String replyTo,
        @NotBlank(message = "The time zone is required") String timeZone,
        @Min(value = 1, message = "Between 1 and 60 days") @Max(value = 60, message = "Between 1 and 60 days") int firstReminderAfterKitDays,
        @Min(value = 1, message = "Between 1 and 60 days") @Max(value = 60, message = "Between 1 and 60 days") int secondReminderAfterFirstDays,
        @Min(value = 1, message = "Between 1 and 60 days") @Max(value = 60, message = "Between 1 and 60 days") int notComingAfterSecondDays)
        implements Serializable {
}
