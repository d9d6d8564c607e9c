package org.lorkit.it.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads what LorKit sent from the test mail server (GreenMail, IMAP on 3143, any password), and writes down the
 * attending-link tokens in it ({@link HandedOutTokens}).
 */
public final class Inbox {
    private Inbox() {
    }

    /** One received email, its parts as text. */
    public record Mail(MimeMessage message, String subject, String text, String html, String ics) {
    }

    public static List<Mail> read(String address) throws Exception {
        Properties p = new Properties();
        p.put("mail.imap.connectiontimeout", "5000");
        p.put("mail.imap.timeout", "5000");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", 3143, address, "any");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<Mail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                MimeMessage copy = new MimeMessage((MimeMessage) message);
                Parts parts = new Parts();
                parts.collect(copy);
                HandedOutTokens.recordFrom(parts.text);
                HandedOutTokens.recordFrom(parts.html);
                mails.add(new Mail(copy, copy.getSubject(), parts.text, parts.html, parts.ics));
            }
            inbox.close(false);
            return mails;
        } finally {
            store.close();
        }
    }

    /** Waits until the address has received at least {@code count} emails. */
    public static List<Mail> await(String address, int count, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        List<Mail> mails = read(address);
        while (mails.size() < count && Instant.now().isBefore(until)) {
            Thread.sleep(250);
            mails = read(address);
        }
        return mails;
    }

    private static final class Parts {
        String text;
        String html;
        String ics;

        void collect(Part part) throws Exception {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    collect(body);
                }
            } else if (part.isMimeType("text/plain")) {
                text = read(part);
            } else if (part.isMimeType("text/html")) {
                html = read(part);
            } else if (part.isMimeType("text/calendar")) {
                ics = read(part);
            }
        }

        private static String read(Part part) throws Exception {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
            try (InputStream in = (InputStream) content; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                in.transferTo(out);
                return out.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
