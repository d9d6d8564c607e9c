package org.lorkit.infrastructure.mail;

/**
 * One rendered email, ready for SMTP. The .ics part is optional.
 *
 * @param messageId  stable for the outbox row, so a repeat is recognisable
 * @param returnPath the envelope sender (MAIL FROM), naming the outbox row, where bounce reports go
 */
public record OutgoingMail(String messageId, String returnPath, String fromName, String fromAddress, String to, String replyTo,
                           String subject, String text, String html, String icsFileName, String ics) {
}
