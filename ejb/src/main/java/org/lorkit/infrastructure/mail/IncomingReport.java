package org.lorkit.infrastructure.mail;

import java.util.List;

/**
 * What one message of the bounce mailbox says about mail LorKit sent: a delivery status report (RFC 3464, a bounce or
 * a delay), a complaint (ARF, RFC 5965), or anything else, such as an out-of-office reply.
 *
 * @param kind                what the message is; for {@link Kind#OTHER} every list is empty and every other field null
 *                            but {@code reportMessageId}
 * @param reportMessageId     the Message-ID of this message itself (for the log), null if it has none
 * @param addressedTo         the plain addresses this message was delivered to, from To, Delivered-To, X-Original-To,
 *                            Envelope-To and X-Envelope-To, in that order, each once: a VERP return path shows here
 * @param originalMessageId   the Message-ID of the returned original (its whole message or its headers), as written
 *                            there with its angle brackets; null if the report returned neither
 * @param originalReturnPaths the envelope senders of the original the report shows: the returned Return-Path,
 *                            Postfix's X-Postfix-Sender, a complaint's Original-Mail-From; plain addresses, each once
 * @param recipients          one per recipient block of a delivery status report, or per Original-Rcpt-To of a complaint
 * @param feedbackType        a complaint's Feedback-Type in lower case (abuse, fraud, virus, not-spam, other...); null for a
 *                            delivery status report
 */
public record IncomingReport(Kind kind, String reportMessageId, List<String> addressedTo, String originalMessageId,
                             List<String> originalReturnPaths, List<Recipient> recipients, String feedbackType) {

    public IncomingReport {
        addressedTo = List.copyOf(addressedTo);
        originalReturnPaths = List.copyOf(originalReturnPaths);
        recipients = List.copyOf(recipients);
    }

    public enum Kind {
        /** multipart/report with a message/delivery-status part: a bounce, a delay or a delivery notice. */
        DELIVERY_STATUS,
        /** multipart/report with a message/feedback-report part: a recipient or their provider complained. */
        FEEDBACK,
        /** Not a report LorKit reads (an autoreply, a read receipt, a report that does not parse). */
        OTHER
    }

    /** A recipient block's Action (RFC 3464 section 2.3.3); UNKNOWN if it is missing or new, and for complaints. */
    public enum Action { FAILED, DELAYED, DELIVERED, RELAYED, EXPANDED, UNKNOWN }

    /**
     * One recipient of the original.
     *
     * @param finalRecipient    the address the reporting server tried ("rfc822; x@y" read as "x@y"); a complaint's
     *                          Original-Rcpt-To
     * @param originalRecipient the address as LorKit gave it, if the report says so; null otherwise
     * @param status            the enhanced status code ("5.1.1"), null if absent
     * @param diagnostic        the remote server's answer without its type ("smtp; 550 5.1.1 ..." read as "550 5.1.1 ..."),
     *                          on one line; null if absent
     */
    public record Recipient(String finalRecipient, String originalRecipient, Action action, String status, String diagnostic) {
    }
}
