package org.lorkit.infrastructure.mail;

/** Sending failed: permanently (the server refused the address, SMTP 5xx) or for now (connection, timeout, 4xx). */
public class MailFailure extends Exception {
    private final boolean permanent;

    public MailFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }
}
