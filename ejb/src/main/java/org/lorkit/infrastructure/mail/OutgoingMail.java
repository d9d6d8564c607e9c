package org.lorkit.infrastructure.mail;

/**
 * One rendered email, ready for SMTP. The .ics part is optional.
 *
 * @param messageId stable for the outbox row, so a repeat is recognisable
 */
public record OutgoingMail(String messageId, String fromName, String fromAddress, String to, String replyTo, String subject,
                           String text, String html, String icsFileName, String ics) {
}
