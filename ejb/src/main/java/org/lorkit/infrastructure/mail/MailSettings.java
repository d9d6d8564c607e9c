package org.lorkit.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where mail goes and what the links in it point to, from system properties or environment variables:
 * LORKIT_SMTP_HOST / _PORT / _USERNAME / _PASSWORD / _STARTTLS, LORKIT_MAIL_FROM, LORKIT_OUTBOX_SENDERS and LorKit's public address
 * LORKIT_BASE_URL (the same one the login uses).
 * The defaults are the local GreenMail of the run script and the tests.
 */
@ApplicationScoped
public class MailSettings {
    static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property, System.getenv(environment));
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public String host() {
        return setting("lorkit.smtp.host", "LORKIT_SMTP_HOST", "127.0.0.1");
    }

    public int port() {
        return Integer.parseInt(setting("lorkit.smtp.port", "LORKIT_SMTP_PORT", "2525"));
    }

    public String username() {
        return setting("lorkit.smtp.username", "LORKIT_SMTP_USERNAME", null);
    }

    public String password() {
        return setting("lorkit.smtp.password", "LORKIT_SMTP_PASSWORD", null);
    }

    public boolean startTls() {
        return Boolean.parseBoolean(setting("lorkit.smtp.starttls", "LORKIT_SMTP_STARTTLS", "false"));
    }

    /** The address mail comes from; the display name is the agency's sender name. */
    public String fromAddress() {
        return setting("lorkit.mail.from", "LORKIT_MAIL_FROM", "letters@lorkit.local");
    }

    /** The base of every link in an email: configured, never taken from a request's Host header. */
    public String publicUrl() {
        return setting("lorkit.base-url", "LORKIT_BASE_URL", "http://localhost:8080").replaceAll("/+$", "");
    }

    /** How often the sender looks for due mail, in milliseconds. */
    public long sendIntervalMillis() {
        return Long.parseLong(setting("lorkit.outbox.interval-ms", "LORKIT_OUTBOX_INTERVAL_MS", "5000"));
    }

    /** How many mails go out at once, each sender on its own SMTP connection kept open for many mails. */
    public int senders() {
        return Math.max(1, Integer.parseInt(setting("lorkit.outbox.senders", "LORKIT_OUTBOX_SENDERS", "8")));
    }
}
