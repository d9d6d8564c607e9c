package org.lorkit.infrastructure.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MessageHeaders;
import org.eclipse.angus.mail.dsn.MultipartReport;
import org.lorkit.infrastructure.mail.IncomingReport.Action;
import org.lorkit.infrastructure.mail.IncomingReport.Kind;
import org.lorkit.infrastructure.mail.IncomingReport.Recipient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one message of the bounce mailbox with Angus Mail's DSN classes. Each part is built explicitly from its
 * content type, never through {@code getContent()}: that looks the handlers up in the dsn jar's mailcap, which a
 * deployment in WildFly may not see.
 */
public final class IncomingReports {
    private static final List<String> DELIVERED_TO = List.of("To", "Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To");
    private static final List<String> DELIVERY_STATUS = List.of("message/delivery-status", "message/global-delivery-status");
    private static final List<String> RETURNED_MESSAGE = List.of("message/rfc822", "message/global");
    private static final List<String> RETURNED_HEADERS = List.of("text/rfc822-headers", "message/global-headers");
    private static final String FEEDBACK_REPORT = "message/feedback-report";
    private static final Pattern STATUS = Pattern.compile("\\b[245]\\.\\d{1,3}\\.\\d{1,3}\\b");
    private static final Pattern ADDRESS_TYPE = Pattern.compile("^\\s*[A-Za-z0-9-]+\\s*;");

    private IncomingReports() {
    }

    /**
     * What the message says. It is read whole first, and an exception means only that: the store could not give it
     * (try again later). Once read, nothing in it throws: a message that is not a report, or a report that does not
     * parse, is {@link Kind#OTHER}.
     */
    public static IncomingReport read(MimeMessage message) throws MessagingException, IOException {
        String reportMessageId = firstHeader(message.getHeader("Message-ID"));
        if (!message.isMimeType("multipart/report")) {
            return other(reportMessageId);
        }
        String contentType = message.getContentType();
        byte[] body;
        try (InputStream in = message.getInputStream()) {
            body = in.readAllBytes();
        }
        List<String> addressedTo = new ArrayList<>();
        for (String name : DELIVERED_TO) {
            String[] values = message.getHeader(name);
            if (values != null) {
                for (String value : values) {
                    addressedTo.addAll(addresses(value));
                }
            }
        }
        try {
            return parse(reportMessageId, distinct(addressedTo), new MultipartReport(new ByteArrayDataSource(body, contentType)));
        } catch (MessagingException | IOException | RuntimeException malformed) {
            return other(reportMessageId);
        }
    }

    private static IncomingReport other(String reportMessageId) {
        return new IncomingReport(Kind.OTHER, reportMessageId, List.of(), null, List.of(), List.of(), null);
    }

    private static IncomingReport parse(String reportMessageId, List<String> addressedTo, MultipartReport report)
            throws MessagingException, IOException {
        DeliveryStatus status = null;
        InternetHeaders feedback = null;
        MimeMessage returned = null;
        for (int i = 0; i < report.getCount(); i++) {
            BodyPart part = report.getBodyPart(i);
            if (status == null && isAny(part, DELIVERY_STATUS)) {
                status = new DeliveryStatus(new ByteArrayInputStream(bytes(part)));
            } else if (feedback == null && part.isMimeType(FEEDBACK_REPORT)) {
                feedback = new InternetHeaders(new ByteArrayInputStream(bytes(part)));
            } else if (returned == null && isAny(part, RETURNED_MESSAGE)) {
                returned = new MimeMessage(null, new ByteArrayInputStream(bytes(part)));
            } else if (returned == null && isAny(part, RETURNED_HEADERS)) {
                returned = new MessageHeaders(new ByteArrayInputStream(bytes(part)));
            }
        }
        String originalMessageId = returned == null ? null : firstHeader(returned.getHeader("Message-ID"));
        List<String> returnPaths = new ArrayList<>();
        if (returned != null) {
            returnPaths.addAll(addresses(firstHeader(returned.getHeader("Return-Path"))));
        }
        if (status != null) {
            List<Recipient> recipients = recipients(status);
            if (recipients.isEmpty()) {
                return other(reportMessageId);
            }
            returnPaths.addAll(addresses(typedValue(field(status.getMessageDSN(), "X-Postfix-Sender"))));
            return new IncomingReport(Kind.DELIVERY_STATUS, reportMessageId, addressedTo, originalMessageId, distinct(returnPaths),
                    recipients, null);
        }
        if (feedback != null) {
            String feedbackType = field(feedback, "Feedback-Type");
            if (feedbackType == null) {
                return other(reportMessageId);
            }
            returnPaths.addAll(addresses(field(feedback, "Original-Mail-From")));
            List<Recipient> recipients = new ArrayList<>();
            String[] rcptTo = feedback.getHeader("Original-Rcpt-To");
            for (String value : rcptTo == null ? new String[0] : rcptTo) {
                for (String address : addresses(value)) {
                    recipients.add(new Recipient(address, null, Action.UNKNOWN, null, null));
                }
            }
            return new IncomingReport(Kind.FEEDBACK, reportMessageId, addressedTo, originalMessageId, distinct(returnPaths),
                    recipients, feedbackType.toLowerCase(Locale.ROOT));
        }
        return other(reportMessageId);
    }

    /** The per-recipient blocks; empty ones (blank lines at the end of the part) are not recipients. */
    private static List<Recipient> recipients(DeliveryStatus status) {
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < status.getRecipientDSNCount(); i++) {
            InternetHeaders block = status.getRecipientDSN(i);
            String finalRecipient = typedValue(field(block, "Final-Recipient"));
            String originalRecipient = typedValue(field(block, "Original-Recipient"));
            if (finalRecipient == null && originalRecipient == null) {
                continue;
            }
            recipients.add(new Recipient(finalRecipient != null ? finalRecipient : originalRecipient, originalRecipient,
                    action(field(block, "Action")), status(field(block, "Status")), typedValue(field(block, "Diagnostic-Code"))));
        }
        return recipients;
    }

    private static Action action(String value) {
        if (value == null) {
            return Action.UNKNOWN;
        }
        // "failed" or, from some servers, "failed (permanent)"
        String word = value.split("[\\s(]", 2)[0].toUpperCase(Locale.ROOT);
        for (Action action : Action.values()) {
            if (action.name().equals(word)) {
                return action;
            }
        }
        return Action.UNKNOWN;
    }

    /** "5.1.1", also from "5.1.1 (bad destination mailbox address)"; what is there if it holds no code. */
    private static String status(String value) {
        if (value == null) {
            return null;
        }
        Matcher code = STATUS.matcher(value);
        return code.find() ? code.group() : value;
    }

    /** "rfc822; x@y" is "x@y" and "smtp; 550 ..." is "550 ...": the value without its type and, for an address, its brackets. */
    private static String typedValue(String value) {
        if (value == null) {
            return null;
        }
        Matcher type = ADDRESS_TYPE.matcher(value);
        String plain = (type.find() ? value.substring(type.end()) : value).strip();
        if (plain.startsWith("<") && plain.endsWith(">") && plain.indexOf('>') == plain.length() - 1) {
            plain = plain.substring(1, plain.length() - 1).strip();
        }
        return plain.isEmpty() ? null : plain;
    }

    /** A field of a report, unfolded onto one line; null if absent or empty. */
    private static String field(InternetHeaders headers, String name) {
        return firstHeader(headers.getHeader(name));
    }

    private static String firstHeader(String[] values) {
        if (values == null || values.length == 0) {
            return null;
        }
        String value = MimeUtility.unfold(values[0]).replaceAll("\\s+", " ").strip();
        return value.isEmpty() ? null : value;
    }

    /** The plain addresses in a header value, without names or brackets; none for "<>" or junk. */
    private static List<String> addresses(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> addresses = new ArrayList<>();
        try {
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                InternetAddress[] members = address.isGroup() ? address.getGroup(false) : new InternetAddress[]{address};
                for (InternetAddress member : members == null ? new InternetAddress[0] : members) {
                    if (member.getAddress() != null && !member.getAddress().isBlank()) {
                        addresses.add(member.getAddress().strip());
                    }
                }
            }
        } catch (AddressException junk) {
            return List.of();
        }
        return addresses;
    }

    /** Each address once, the first spelling kept: the same mailbox may come in another case in another header. */
    private static List<String> distinct(List<String> addresses) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String address : addresses) {
            seen.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
        }
        return List.copyOf(seen.values());
    }

    private static boolean isAny(BodyPart part, List<String> types) throws MessagingException {
        for (String type : types) {
            if (part.isMimeType(type)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(BodyPart part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
