package org.lorkit.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;

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
                IMAPStore imap = (IMAPStore) store;
                boolean move = imap.hasCapability("MOVE");
                boolean uidExpunge = imap.hasCapability("UIDPLUS");
                int handled = 0;
                int count = Math.min(folder.getMessageCount(), limit);
                if (count == 0) {
                    return 0;
                }
                Message[] messages = folder.getMessages(1, count);
                // Each message by its UID: another reader (a second node) moving messages renumbers the folder under us,
                // and a move by sequence number could then take away a report nobody has read.
                FetchProfile uids = new FetchProfile();
                uids.add(UIDFolder.FetchProfileItem.UID);
                folder.fetch(messages, uids);
                for (Message message : messages) {
                    MimeMessage copy;
                    long uid;
                    try {
                        if (message.isExpunged() || message.isSet(Flags.Flag.DELETED)) {
                            continue;
                        }
                        uid = ((UIDFolder) folder).getUID(message);
                        // A copy in memory: the report's parts are read more than once and the folder may change meanwhile.
                        copy = new MimeMessage((MimeMessage) message);
                    } catch (MessagingException gone) {
                        // Another reader (a second node) moved it away between the listing and now: it is theirs.
                        LOG.log(Level.FINE, "A bounce report went before it was read: {0}", gone.getMessage());
                        continue;
                    }
                    if (handler.handle(copy) && moveAway((IMAPFolder) folder, uid, processed, move, uidExpunge)) {
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
     * Moves a handled message out of the folder, by UID (UID MOVE; else UID COPY, \Deleted and expunge). A UID another
     * reader has moved away already names nothing, and the server moves nothing: the report is recorded once in the
     * database either way.
     */
    private static boolean moveAway(IMAPFolder folder, long uid, Folder processed, boolean move, boolean uidExpunge) {
        String target = BASE64MailboxEncoder.encode(processed.getFullName());
        try {
            folder.doCommand(protocol -> {
                if (move) {
                    protocol.simpleCommand("UID MOVE", new Argument().writeNumber(uid).writeString(target));
                } else {
                    protocol.simpleCommand("UID COPY", new Argument().writeNumber(uid).writeString(target));
                    protocol.simpleCommand("UID STORE", new Argument().writeNumber(uid).writeAtom("+FLAGS.SILENT").writeAtom("(\\Deleted)"));
                    protocol.simpleCommand(uidExpunge ? "UID EXPUNGE" : "EXPUNGE", uidExpunge ? new Argument().writeNumber(uid) : null);
                }
                return null;
            });
            return true;
        } catch (MessagingException e) {
            LOG.log(Level.FINE, "A bounce report was not moved away: {0}", e.getMessage());
            return false;
        }
    }
}
