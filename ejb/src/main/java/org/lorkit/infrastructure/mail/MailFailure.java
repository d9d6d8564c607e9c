package org.lorkit.infrastructure.mail;

/**
 * Sending failed. {@link #reply()} is the SMTP server's answer ("550 5.1.1 ..."), or null when there was none (no
 * connection, a timeout): the outbox classifies it (SmtpReply) as a bounce, the operator's problem, or a retry.
 */
public class MailFailure extends Exception {
    private final String reply;

    public MailFailure(String message, String reply, Throwable cause) {
        super(message, cause);
        this.reply = reply;
    }

    public String reply() {
        return reply;
    }
}
