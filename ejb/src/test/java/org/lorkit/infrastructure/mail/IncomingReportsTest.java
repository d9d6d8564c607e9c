package org.lorkit.infrastructure.mail;

import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.dsn.MultipartReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lorkit.infrastructure.mail.IncomingReport.Action;
import org.lorkit.infrastructure.mail.IncomingReport.Kind;
import org.lorkit.infrastructure.mail.IncomingReport.Recipient;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.lorkit.infrastructure.mail.ReportSamples.MESSAGE_ID;
import static org.lorkit.infrastructure.mail.ReportSamples.RECIPIENT;
import static org.lorkit.infrastructure.mail.ReportSamples.VERP;
import static org.lorkit.infrastructure.mail.ReportSamples.message;
import static org.lorkit.infrastructure.mail.ReportSamples.text;

class IncomingReportsTest {

    private static IncomingReport read(String text) throws Exception {
        return IncomingReports.read(message(text));
    }

    private static final IncomingReport POSTFIX_BOUNCE = new IncomingReport(Kind.DELIVERY_STATUS,
            "<20260310091406.4F2A11E0C1@relay.lorkit.local>", List.of(VERP), MESSAGE_ID, List.of(VERP),
            List.of(new Recipient(RECIPIENT, RECIPIENT, Action.FAILED, "5.1.1",
                    "550 5.1.1 <" + RECIPIENT + ">: Recipient address rejected: User unknown in virtual mailbox table")),
            null);

    @Test
    void a_postfix_bounce_names_the_failed_recipient_the_return_path_and_the_returned_message_id() throws Exception {
        assertThat(read(text("postfix-bounce.eml"))).isEqualTo(POSTFIX_BOUNCE);
    }

    @Test
    void an_exchange_bounce_with_html_text_first_and_the_whole_message_returned() throws Exception {
        assertThat(read(text("exchange-bounce.eml"))).isEqualTo(new IncomingReport(Kind.DELIVERY_STATUS,
                "<a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d@DM6PR11MB4321.namprd11.prod.outlook.example>", List.of(VERP), MESSAGE_ID,
                List.of(VERP), List.of(new Recipient(RECIPIENT, null, Action.FAILED, "5.1.10",
                        "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")),
                null));
    }

    @Test
    void a_postfix_delay_is_a_delayed_recipient_with_a_temporary_status() throws Exception {
        assertThat(read(text("postfix-delayed.eml"))).isEqualTo(new IncomingReport(Kind.DELIVERY_STATUS,
                "<20260310090212.7C3D21E0A9@relay.lorkit.local>", List.of(VERP), MESSAGE_ID, List.of(VERP),
                List.of(new Recipient(RECIPIENT, RECIPIENT, Action.DELAYED, "4.4.1",
                        "connect to mx.stmarys.example.org[198.51.100.7]:25: Connection timed out")),
                null));
    }

    @Test
    void a_complaint_names_the_complaining_recipient_and_the_return_path_the_mail_had() throws Exception {
        assertThat(read(text("arf-complaint.eml"))).isEqualTo(new IncomingReport(Kind.FEEDBACK,
                "<fbl.20260311080511.4c2e9a@feedback.mailprovider.example>", List.of("fbl@lorkit.local"), MESSAGE_ID, List.of(VERP),
                List.of(new Recipient(RECIPIENT, null, Action.UNKNOWN, null, null)), "abuse"));
    }

    @Test
    void an_out_of_office_reply_is_no_report() throws Exception {
        assertThat(read(text("out-of-office.eml"))).isEqualTo(new IncomingReport(Kind.OTHER,
                "<ooo.7e21c4b9@mail.stmarys.example.org>", List.of(), null, List.of(), List.of(), null));
    }

    @Test
    void what_is_read_is_what_the_message_says() throws Exception {
        String verp = "bounces+7.bcdefghijklm@mail.brightpath.example";
        String recipient = "Dr.Who@Hospital.Example";
        String messageId = "<outbox-7.bcdefghijklm@lorkit>";
        Map<String, String> values = Map.of("verp", verp, "recipient", recipient, "messageId", messageId);

        IncomingReport bounce = IncomingReports.read(message("postfix-bounce.eml", values));
        IncomingReport complaint = IncomingReports.read(message("arf-complaint.eml", values));

        assertThat(bounce.addressedTo()).containsExactly(verp);
        assertThat(bounce.originalMessageId()).isEqualTo(messageId);
        assertThat(bounce.originalReturnPaths()).containsExactly(verp);
        assertThat(bounce.recipients()).extracting(Recipient::finalRecipient, Recipient::originalRecipient)
                .containsExactly(tuple(recipient, recipient));
        assertThat(complaint.originalReturnPaths()).containsExactly(verp);
        assertThat(complaint.originalMessageId()).isEqualTo(messageId);
        assertThat(complaint.recipients()).extracting(Recipient::finalRecipient).containsExactly(recipient);
    }

    @Test
    void bare_line_feeds_read_the_same() throws Exception {
        assertThat(read(text("postfix-bounce.eml").replace("\r\n", "\n"))).isEqualTo(POSTFIX_BOUNCE);
    }

    @Test
    void addressed_to_lists_each_delivery_header_in_order_each_address_once_without_names() throws Exception {
        String text = text("postfix-bounce.eml").replace("Delivered-To: " + VERP + "\r\n", "Delivered-To: " + VERP.toUpperCase()
                + "\r\nDelivered-To: bounces@lorkit.local\r\nX-Envelope-To: <bounces@lorkit.local>\r\n"
                + "Envelope-To: \"LorKit bounces\" <catchall@lorkit.local>\r\nX-Failed-Recipients: " + RECIPIENT + "\r\n");

        assertThat(read(text).addressedTo()).containsExactly(VERP, "bounces@lorkit.local", "catchall@lorkit.local");
    }

    @Test
    void every_recipient_block_is_a_recipient_and_comments_are_left_out() throws Exception {
        String second = "Final-Recipient: rfc822; <r.cole@stmarys.example.org>\r\nAction: failed (permanent)\r\n"
                + "Status: 5.2.2 (mailbox full)\r\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\r\n\r\n";
        String text = text("postfix-bounce.eml").replace("    User unknown in virtual mailbox table\r\n\r\n",
                "    User unknown in virtual mailbox table\r\n\r\n" + second);

        assertThat(read(text).recipients()).containsExactly(POSTFIX_BOUNCE.recipients().get(0),
                new Recipient("r.cole@stmarys.example.org", null, Action.FAILED, "5.2.2", "552 5.2.2 Mailbox full"));
    }

    @Test
    void blank_lines_around_the_recipient_blocks_are_no_recipients() throws Exception {
        String text = text("postfix-bounce.eml").replace("Arrival-Date: Tue, 10 Mar 2026 09:14:05 +0000 (UTC)\r\n\r\n",
                        "Arrival-Date: Tue, 10 Mar 2026 09:14:05 +0000 (UTC)\r\n\r\n\r\n\r\n")
                .replace("    User unknown in virtual mailbox table\r\n\r\n", "    User unknown in virtual mailbox table\r\n\r\n\r\n\r\n\r\n");

        assertThat(read(text)).isEqualTo(POSTFIX_BOUNCE);
    }

    @Test
    void a_recipient_block_without_an_action_or_status_says_so() throws Exception {
        String text = text("postfix-delayed.eml").replace("Action: delayed\r\nStatus: 4.4.1\r\n", "Action: postponed\r\n");

        assertThat(read(text).recipients()).extracting(Recipient::action, Recipient::status)
                .containsExactly(tuple(Action.UNKNOWN, null));
    }

    @Test
    void a_complaint_may_leave_the_recipient_out_and_return_only_headers() throws Exception {
        String text = text("arf-complaint.eml").replace("Original-Rcpt-To: <" + RECIPIENT + ">\r\n", "")
                .replace("Content-Type: message/rfc822\r\n", "Content-Type: text/rfc822-headers\r\n")
                .replace("Feedback-Type: abuse", "Feedback-Type: Fraud");

        IncomingReport complaint = read(text);

        assertThat(complaint.kind()).isEqualTo(Kind.FEEDBACK);
        assertThat(complaint.feedbackType()).isEqualTo("fraud");
        assertThat(complaint.recipients()).isEmpty();
        assertThat(complaint.originalMessageId()).isEqualTo(MESSAGE_ID);
        assertThat(complaint.originalReturnPaths()).containsExactly(VERP);
    }

    @Test
    void a_report_without_a_returned_message_has_no_original_message_id() throws Exception {
        String text = text("postfix-bounce.eml");
        String withoutHeaders = text.substring(0, text.indexOf("--4F2A11E0C1.1773134046/relay.lorkit.local\r\nContent-Description: Undelivered"))
                + "--4F2A11E0C1.1773134046/relay.lorkit.local--\r\n";

        IncomingReport bounce = read(withoutHeaders);

        assertThat(bounce.kind()).isEqualTo(Kind.DELIVERY_STATUS);
        assertThat(bounce.originalMessageId()).isNull();
        assertThat(bounce.originalReturnPaths()).containsExactly(VERP);
        assertThat(bounce.recipients()).isEqualTo(POSTFIX_BOUNCE.recipients());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no status part", "no recipient block", "no feedback type", "boundary not found", "read receipt", "plain text bounce",
            "empty report"})
    void a_malformed_report_or_another_kind_of_report_is_other(String variant) throws Exception {
        String bounce = text("postfix-bounce.eml");
        String text = switch (variant) {
            case "no status part" -> bounce.replace("Content-Type: message/delivery-status", "Content-Type: text/plain");
            case "no recipient block" -> bounce.substring(0, bounce.indexOf("Final-Recipient:"))
                    + bounce.substring(bounce.indexOf("--4F2A11E0C1.1773134046/relay.lorkit.local\r\nContent-Description: Undelivered"));
            case "no feedback type" -> text("arf-complaint.eml").replace("Feedback-Type: abuse\r\n", "");
            case "boundary not found" -> bounce.replace("boundary=\"4F2A11E0C1.1773134046/relay.lorkit.local\"", "boundary=\"elsewhere\"");
            case "read receipt" -> bounce.replace("report-type=delivery-status", "report-type=disposition-notification")
                    .replace("Content-Type: message/delivery-status", "Content-Type: message/disposition-notification");
            case "plain text bounce" -> bounce.replace("Content-Type: multipart/report; report-type=delivery-status;\r\n"
                    + "\tboundary=\"4F2A11E0C1.1773134046/relay.lorkit.local\"", "Content-Type: text/plain; charset=us-ascii");
            case "empty report" -> bounce.substring(0, bounce.indexOf("This is a MIME-encapsulated message."));
            default -> throw new IllegalArgumentException(variant);
        };

        IncomingReport report = read(text);

        String messageId = variant.equals("no feedback type") ? "<fbl.20260311080511.4c2e9a@feedback.mailprovider.example>"
                : "<20260310091406.4F2A11E0C1@relay.lorkit.local>";
        assertThat(report).isEqualTo(new IncomingReport(Kind.OTHER, messageId, List.of(), null, List.of(), List.of(), null));
    }

    @Test
    void a_message_without_a_message_id_has_none() throws Exception {
        String text = text("out-of-office.eml").replace("Message-ID: <ooo.7e21c4b9@mail.stmarys.example.org>\r\n", "");

        assertThat(read(text).reportMessageId()).isNull();
    }

    /**
     * In WildFly the data content handlers of the dsn jar's mailcap may not be found, and getContent() of a
     * multipart/report is then a plain MimeMultipart. Reading must not depend on them.
     */
    @Test
    void reading_does_not_need_the_content_handlers_of_the_dsn_jar() throws Exception {
        assertThat(message(text("postfix-bounce.eml")).getContent()).as("with the dsn mailcap").isInstanceOf(MultipartReport.class);

        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(new WithoutDsnMailcap(original));
        try {
            MimeMessage bounce = message(text("postfix-bounce.eml"));
            assertThat(bounce.getContent()).as("without the dsn mailcap").isNotInstanceOf(MultipartReport.class);

            assertThat(IncomingReports.read(bounce)).isEqualTo(POSTFIX_BOUNCE);
            assertThat(IncomingReports.read(message(text("arf-complaint.eml"))).recipients()).hasSize(1);
        } finally {
            thread.setContextClassLoader(original);
        }
    }

    /** Hides the mailcap of the dsn jar, as a deployment whose class loader does not see it. */
    private static final class WithoutDsnMailcap extends ClassLoader {
        WithoutDsnMailcap(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            List<URL> urls = Collections.list(super.getResources(name));
            if (name.endsWith("mailcap")) {
                urls.removeIf(url -> url.toString().contains("/dsn-"));
            }
            return Collections.enumeration(urls);
        }

        @Override
        public URL getResource(String name) {
            URL url = super.getResource(name);
            return url != null && name.endsWith("mailcap") && url.toString().contains("/dsn-") ? null : url;
        }
    }
}
