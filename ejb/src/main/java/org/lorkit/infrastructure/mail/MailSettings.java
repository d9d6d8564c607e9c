package org.lorkit.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import org.lorkit.settings.Settings;
import org.lorkit.settings.Settings.Setting;

/**
 * Where mail goes, where its bounces come back and what the links in it point to: the SMTP server, the From address,
 * the senders, the return path, the bounce mailbox and LorKit's public address (the same one the login uses), as
 * {@link Settings} reads them (their LORKIT_* names are there). Every call reads its setting again, so a test that
 * moves the SMTP port while the server runs is followed by the next SMTP session.
 * The defaults are the local GreenMail of the run script and the tests.
 */
@ApplicationScoped
public class MailSettings {
    static String setting(Setting setting, String fallback) {
        return Settings.value(setting).map(String::strip).orElse(fallback);
    }

    public String host() {
        return setting(Settings.SMTP_HOST, "127.0.0.1");
    }

    public int port() {
        return Integer.parseInt(setting(Settings.SMTP_PORT, "2525"));
    }

    public String username() {
        return setting(Settings.SMTP_USERNAME, null);
    }

    public String password() {
        return setting(Settings.SMTP_PASSWORD, null);
    }

    public boolean startTls() {
        return Boolean.parseBoolean(setting(Settings.SMTP_STARTTLS, "false"));
    }

    /** The address mail comes from; the display name is the agency's sender name. */
    public String fromAddress() {
        return setting(Settings.MAIL_FROM, "letters@lorkit.local");
    }

    /** The base of every link in an email: configured, never taken from a request's Host header. */
    public String publicUrl() {
        return Settings.baseUrl();
    }

    /** How often the sender looks for due mail, in milliseconds. */
    public long sendIntervalMillis() {
        return Long.parseLong(setting(Settings.OUTBOX_INTERVAL_MS, "5000"));
    }


    /**
     * The domain of every email's envelope sender (bounces+tag@domain): where bounce reports come back. By default
     * the domain of the From address.
     */
    public String bounceDomain() {
        String from = fromAddress();
        return setting(Settings.BOUNCE_DOMAIN, from.substring(from.indexOf('@') + 1));
    }

    /** The key of the HMAC that makes a return path (and a Message-ID) name its outbox row unforgeably. */
    public String bounceSecret() {
        return setting(Settings.BOUNCE_SECRET, Settings.BOUNCE_SECRET.developmentDefault());
    }

    /** The bounce mailbox's IMAP server; empty turns the bounce reader off. Locally, the run script's GreenMail. */
    public String bounceImapHost() {
        return setting(Settings.BOUNCE_IMAP_HOST, null);
    }

    public int bounceImapPort() {
        return Integer.parseInt(setting(Settings.BOUNCE_IMAP_PORT, "993"));
    }

    /** tls (IMAPS, the default), starttls, or none (a mailbox on the same private network only). */
    public String bounceImapSecurity() {
        return setting(Settings.BOUNCE_IMAP_SECURITY, "tls").toLowerCase(java.util.Locale.ROOT);
    }

    public String bounceImapUsername() {
        return setting(Settings.BOUNCE_IMAP_USERNAME, null);
    }

    public String bounceImapPassword() {
        return setting(Settings.BOUNCE_IMAP_PASSWORD, null);
    }

    /** The folder bounce reports arrive in; handled ones move to LorKit/Processed beside it. */
    public String bounceImapFolder() {
        return setting(Settings.BOUNCE_IMAP_FOLDER, "INBOX");
    }

    /** How often the bounce mailbox is read, in milliseconds. */
    public long bounceIntervalMillis() {
        return Long.parseLong(setting(Settings.BOUNCE_INTERVAL_MS, "60000"));
    }

    /** The hour of each agency's morning (its own time zone) from which yesterday's digest to staff is due. */
    public String digestHour() {
        return setting(Settings.DIGEST_HOUR, "7");
    }

    /** How many mails go out at once, each sender on its own SMTP connection kept open for many mails. */
    public int senders() {
        return Math.max(1, Integer.parseInt(setting(Settings.OUTBOX_SENDERS, "8")));
    }
}
