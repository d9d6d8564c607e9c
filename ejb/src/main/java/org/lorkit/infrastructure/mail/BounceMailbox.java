package org.lorkit.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The mailbox bounce reports arrive in, over IMAP: each message of the folder is handed over, and once handled moved
 * to LorKit/Processed (IMAP MOVE; COPY and expunge where the server lacks it), so the folder holds only what is
 * still to read. Timeouts as for SMTP: a stuck server must not stall the job.
 */
@ApplicationScoped
public class BounceMailbox {
    private static final Logger LOG = Logger.getLogger(BounceMailbox.class.getName());
    /** Beside the folder read, created on first use. */
    public static final String PROCESSED = "LorKit/Processed";

    @Inject
    MailSettings settings;

    /** What to do with one message: true when it is handled (acted on, or not LorKit's to act on) and may be moved away. */
    @FunctionalInterface
    public interface Handler {
        boolean handle(MimeMessage message);
    }

    /** Whether a bounce mailbox is configured at all. */
    public boolean configured() {
        return settings.bounceImapHost() != null;
    }

    /** Reads the folder once, handing over at most {@code limit} messages; returns how many were handled and moved. */
    public int read(Handler handler, int limit) throws MessagingException {
        String security = settings.bounceImapSecurity();
        String protocol = "tls".equals(security) ? "imaps" : "imap";
        Properties p = new Properties();
        p.put("mail." + protocol + ".connectiontimeout", SmtpMailer.TIMEOUT_MILLIS);
        p.put("mail." + protocol + ".timeout", SmtpMailer.TIMEOUT_MILLIS);
        p.put("mail." + protocol + ".writetimeout", SmtpMailer.TIMEOUT_MILLIS);
        if ("starttls".equals(security)) {
            p.put("mail.imap.starttls.enable", "true");
            p.put("mail.imap.starttls.required", "true");
        }
        Session session = Session.getInstance(p);
        try (Store store = session.getStore(protocol)) {
            store.connect(settings.bounceImapHost(), settings.bounceImapPort(), settings.bounceImapUsername(), settings.bounceImapPassword());
            Folder processed = processedFolder(store);
            try (Folder folder = store.getFolder(settings.bounceImapFolder())) {
                folder.open(Folder.READ_WRITE);
                boolean move = store instanceof IMAPStore imap && imap.hasCapability("MOVE");
                int handled = 0;
                int count = Math.min(folder.getMessageCount(), limit);
                if (count == 0) {
                    return 0;
                }
                Message[] messages = folder.getMessages(1, count);
                for (Message message : messages) {
                    MimeMessage copy;
                    try {
                        if (message.isExpunged() || message.isSet(Flags.Flag.DELETED)) {
                            continue;
                        }
                        // A copy in memory: the report's parts are read more than once and the folder may change meanwhile.
                        copy = new MimeMessage((MimeMessage) message);
                    } catch (MessagingException gone) {
                        // Another reader (a second node) moved it away between the listing and now: it is theirs.
                        LOG.log(Level.FINE, "A bounce report went before it was read: {0}", gone.getMessage());
                        continue;
                    }
                    if (handler.handle(copy) && moveAway(folder, message, processed, move)) {
                        handled++;
                    }
                }
                return handled;
            }
        }
    }

    private Folder processedFolder(Store store) throws MessagingException {
        Folder parent = store.getFolder(settings.bounceImapFolder()).getParent();
        Folder lorkit = (parent == null ? store.getDefaultFolder() : parent).getFolder("LorKit");
        if (!lorkit.exists()) {
            lorkit.create(Folder.HOLDS_FOLDERS | Folder.HOLDS_MESSAGES);
        }
        Folder processed = lorkit.getFolder("Processed");
        if (!processed.exists()) {
            processed.create(Folder.HOLDS_MESSAGES);
        }
        return processed;
    }

    /**
     * Moves a handled message out of the folder. Another reader (a second node) may have moved it first: the server
     * then answers that it no longer exists, which is fine, as the report is recorded once in the database either way.
     */
    private static boolean moveAway(Folder folder, Message message, Folder processed, boolean move) {
        try {
            if (move) {
                ((IMAPFolder) folder).moveMessages(new Message[]{message}, processed);
            } else {
                folder.copyMessages(new Message[]{message}, processed);
                message.setFlag(Flags.Flag.DELETED, true);
                folder.expunge();
            }
            return true;
        } catch (MessagingException | IllegalStateException e) {
            LOG.log(Level.FINE, "A bounce report was moved away by someone else first: {0}", e.getMessage());
            return false;
        }
    }
}
