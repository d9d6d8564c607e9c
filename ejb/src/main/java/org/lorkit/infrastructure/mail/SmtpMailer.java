package org.lorkit.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPMessage;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Sends email over SMTP with connection, read and write timeouts, and tells a refusal from a hiccup. */
@ApplicationScoped
public class SmtpMailer {
    static final String TIMEOUT_MILLIS = "10000";

    @Inject
    MailSettings settings;

    /** Sends one mail on a connection of its own. */
    public void send(OutgoingMail mail) throws MailFailure {
        try (Connection connection = open()) {
            connection.send(mail);
        }
    }

    /** A connection for many mails in a row (one SMTP handshake, not one per mail); opened on first use. */
    public Connection open() {
        return new Connection(session());
    }

    /**
     * One SMTP connection, used by one thread. After a failure it is closed, and the next mail opens a fresh
     * one, so a refused recipient or a dropped connection never spoils the mails after it.
     */
    public static final class Connection implements AutoCloseable {
        private final Session session;
        private Transport transport;

        private Connection(Session session) {
            this.session = session;
        }

        public void send(OutgoingMail mail) throws MailFailure {
            try {
                MimeMessage message = message(session, mail);
                if (transport == null || !transport.isConnected()) {
                    close();
                    transport = session.getTransport("smtp");
                    transport.connect();
                }
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException | UnsupportedEncodingException e) {
                close();
                throw new MailFailure(e.getMessage(), reply(e), e);
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // the connection is going away either way
                }
                transport = null;
            }
        }
    }

    private Session session() {
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        // Jakarta Mail waits forever by default: a stuck server must not stall the sender.
        p.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        p.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        p.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        String user = settings.username();
        if (user == null) {
            return Session.getInstance(p);
        }
        p.put("mail.smtp.auth", "true");
        String password = settings.password();
        return Session.getInstance(p, new jakarta.mail.Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user, password);
            }
        });
    }

    private static MimeMessage message(Session session, OutgoingMail mail) throws MessagingException, UnsupportedEncodingException {
        // An SMTPMessage carries its own envelope sender: many mails share one connection, each with its return path.
        SMTPMessage message = new SMTPMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", mail.messageId());
            }
        };
        message.setEnvelopeFrom(mail.returnPath());
        message.setFrom(new InternetAddress(mail.fromAddress(), mail.fromName(), StandardCharsets.UTF_8.name()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
        if (mail.replyTo() != null) {
            message.setReplyTo(new InternetAddress[]{new InternetAddress(mail.replyTo())});
        }
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name());
        alternative.addBodyPart(text);
        if (mail.html() != null) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(html);
        }
        if (mail.ics() == null) {
            message.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            MimeBodyPart ics = new MimeBodyPart();
            ics.setContent(mail.ics(), "text/calendar; charset=UTF-8; method=PUBLISH");
            ics.setFileName(mail.icsFileName());
            mixed.addBodyPart(ics);
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    private static final java.util.regex.Pattern REPLY = java.util.regex.Pattern.compile("^\\s*[2-5]\\d\\d[ -].*", java.util.regex.Pattern.DOTALL);

    /**
     * The server's answer in a failure, from the exception or the ones it wraps (a refused recipient comes as an
     * SMTPAddressFailedException inside a SendFailedException); null when the server never answered.
     */
    static String reply(Throwable failure) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Deque<Throwable> next = new java.util.ArrayDeque<>();
        next.add(failure);
        while (!next.isEmpty()) {
            Throwable t = next.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t.getMessage() != null && REPLY.matcher(t.getMessage()).matches()) {
                return t.getMessage().strip();
            }
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            if (t instanceof MessagingException messaging && messaging.getNextException() != null) {
                next.add(messaging.getNextException());
            }
        }
        return null;
    }
}
