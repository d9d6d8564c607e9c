package org.lorkit.infrastructure.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The sample bounces, delays, complaint and autoreply under src/test/resources/reports/: templates whose ${verp}
 * (the return path the mail went out with), ${recipient} (the address it went to) and ${messageId} (its Message-ID,
 * with its angle brackets) a test fills in.
 */
final class ReportSamples {
    static final String VERP = "bounces+42.aaaaaaaaaaaa@lorkit.local";
    static final String RECIPIENT = "jane.miller@stmarys.example.org";
    static final String MESSAGE_ID = "<outbox-42.aaaaaaaaaaaa@lorkit>";

    private ReportSamples() {
    }

    /** The sample with the default values, as a mail server stores it (CRLF line ends). */
    static String text(String name) {
        return text(name, Map.of("verp", VERP, "recipient", RECIPIENT, "messageId", MESSAGE_ID));
    }

    /** The sample with every placeholder filled in; a placeholder without a value fails the test. */
    static String text(String name, Map<String, String> values) {
        String template;
        try (InputStream in = ReportSamples.class.getResourceAsStream("/reports/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + name);
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", value.getValue());
        }
        if (text.contains("${")) {
            throw new IllegalArgumentException(name + " still has a placeholder: " + text.substring(text.indexOf("${")));
        }
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    static MimeMessage message(String text) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MimeMessage message(String name, Map<String, String> values) throws MessagingException {
        return message(text(name, values));
    }
}
