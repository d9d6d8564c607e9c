package org.lorkit.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where mail goes, where its bounces come back and what the links in it point to, from system properties or
 * environment variables: LORKIT_SMTP_HOST / _PORT / _USERNAME / _PASSWORD / _STARTTLS, LORKIT_MAIL_FROM,
 * LORKIT_OUTBOX_SENDERS, the return path (LORKIT_BOUNCE_DOMAIN, LORKIT_BOUNCE_SECRET), the bounce mailbox
 * (LORKIT_BOUNCE_IMAP_HOST / _PORT / _SECURITY / _USERNAME / _PASSWORD / _FOLDER, LORKIT_BOUNCE_INTERVAL_MS) and
 * LorKit's public address LORKIT_BASE_URL (the same one the login uses).
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


    /**
     * The domain of every email's envelope sender (bounces+tag@domain): where bounce reports come back. By default
     * the domain of the From address.
     */
    public String bounceDomain() {
        String from = fromAddress();
        return setting("lorkit.bounce.domain", "LORKIT_BOUNCE_DOMAIN", from.substring(from.indexOf('@') + 1));
    }

    /** The key of the HMAC that makes a return path (and a Message-ID) name its outbox row unforgeably. */
    public String bounceSecret() {
        return setting("lorkit.bounce.secret", "LORKIT_BOUNCE_SECRET", org.lorkit.infrastructure.settings.ProductionSecrets.developmentDefault("LORKIT_BOUNCE_SECRET"));
    }

    /** The bounce mailbox's IMAP server; empty turns the bounce reader off. Locally, the run script's GreenMail. */
    public String bounceImapHost() {
        return setting("lorkit.bounce.imap.host", "LORKIT_BOUNCE_IMAP_HOST", null);
    }

    public int bounceImapPort() {
        return Integer.parseInt(setting("lorkit.bounce.imap.port", "LORKIT_BOUNCE_IMAP_PORT", "993"));
    }

    /** tls (IMAPS, the default), starttls, or none (a mailbox on the same private network only). */
    public String bounceImapSecurity() {
        return setting("lorkit.bounce.imap.security", "LORKIT_BOUNCE_IMAP_SECURITY", "tls").toLowerCase(java.util.Locale.ROOT);
    }

    public String bounceImapUsername() {
        return setting("lorkit.bounce.imap.username", "LORKIT_BOUNCE_IMAP_USERNAME", null);
    }

    public String bounceImapPassword() {
        return setting("lorkit.bounce.imap.password", "LORKIT_BOUNCE_IMAP_PASSWORD", null);
    }

    /** The folder bounce reports arrive in; handled ones move to LorKit/Processed beside it. */
    public String bounceImapFolder() {
        return setting("lorkit.bounce.imap.folder", "LORKIT_BOUNCE_IMAP_FOLDER", "INBOX");
    }

    /** How often the bounce mailbox is read, in milliseconds. */
    public long bounceIntervalMillis() {
        return Long.parseLong(setting("lorkit.bounce.interval-ms", "LORKIT_BOUNCE_INTERVAL_MS", "60000"));
    }

    /** The hour of each agency's morning (its own time zone) from which yesterday's digest to staff is due. */
    public String digestHour() {
        return setting("lorkit.digest.hour", "LORKIT_DIGEST_HOUR", "7");
    }

    /** How many mails go out at once, each sender on its own SMTP connection kept open for many mails. */
    public int senders() {
        return Math.max(1, Integer.parseInt(setting("lorkit.outbox.senders", "LORKIT_OUTBOX_SENDERS", "8")));
    }
}
