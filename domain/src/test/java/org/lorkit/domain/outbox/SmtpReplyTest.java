package org.lorkit.domain.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lorkit.domain.outbox.SmtpReply.Outcome;

import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SmtpReplyTest {

    static Stream<Arguments> replies() {
        return Stream.of(
                // the four the outbox relies on
                arguments("550 5.1.1 <a@b>: Recipient address rejected: User unknown", Outcome.BOUNCE, 550, "5.1.1"),
                arguments("552 5.2.2 mailbox full", Outcome.BOUNCE, 552, "5.2.2"),
                arguments("554 5.7.1 Relay access denied", Outcome.OPERATOR, 554, "5.7.1"),
                arguments("451 4.3.0 try later", Outcome.RETRY, 451, "4.3.0"),
                // more addresses that fail: bad mailbox or domain, mailbox full or disabled, no route
                arguments("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", Outcome.BOUNCE, 550, "5.1.10"),
                arguments("554 5.1.2 <x@nowhere.invalid>: Recipient address rejected: Domain not found", Outcome.BOUNCE, 554, "5.1.2"),
                arguments("550 5.2.1 The email account that you tried to reach is disabled.", Outcome.BOUNCE, 550, "5.2.1"),
                arguments("554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain", Outcome.BOUNCE, 554, "5.4.4"),
                arguments("553 5.1.3 Bad recipient address syntax", Outcome.BOUNCE, 553, "5.1.3"),
                // ours to fix: policy, authentication, relaying, and the other permanent classes
                arguments("550 5.7.1 Service unavailable; client host blocked using Spamhaus", Outcome.OPERATOR, 550, "5.7.1"),
                arguments("530 5.7.0 Authentication required", Outcome.OPERATOR, 530, "5.7.0"),
                arguments("535 5.7.8 Error: authentication failed: authentication failure", Outcome.OPERATOR, 535, "5.7.8"),
                arguments("552 5.3.4 Message size exceeds fixed limit", Outcome.OPERATOR, 552, "5.3.4"),
                arguments("555 5.5.4 Unsupported option: SMTPUTF8", Outcome.OPERATOR, 555, "5.5.4"),
                arguments("554 5.6.0 Message content rejected", Outcome.OPERATOR, 554, "5.6.0"),
                // 5.0.0 says nothing: the basic code decides
                arguments("550 5.0.0 <a@b>... User unknown", Outcome.BOUNCE, 550, "5.0.0"),
                arguments("554 5.0.0 Service unavailable", Outcome.OPERATOR, 554, "5.0.0"),
                // no enhanced code: 550 to 553 are the address, any other 5xx is ours
                arguments("550 Requested action not taken: mailbox unavailable", Outcome.BOUNCE, 550, null),
                arguments("551 User not local; please try <forward@example.org>", Outcome.BOUNCE, 551, null),
                arguments("552 Requested mail action aborted: exceeded storage allocation", Outcome.BOUNCE, 552, null),
                arguments("553 Requested action not taken: mailbox name not allowed", Outcome.BOUNCE, 553, null),
                arguments("554 Transaction failed", Outcome.OPERATOR, 554, null),
                arguments("530 Must issue a STARTTLS command first", Outcome.OPERATOR, 530, null),
                arguments("535 Authentication credentials invalid", Outcome.OPERATOR, 535, null),
                arguments("500 Syntax error, command unrecognized", Outcome.OPERATOR, 500, null),
                arguments("550", Outcome.BOUNCE, 550, null),
                // temporary, whatever the enhanced code
                arguments("421 4.7.0 Try again later, closing connection.", Outcome.RETRY, 421, "4.7.0"),
                arguments("450 4.2.1 The user you are trying to contact is receiving mail too quickly", Outcome.RETRY, 450, "4.2.1"),
                arguments("452 Insufficient system storage", Outcome.RETRY, 452, null),
                // several lines: the first reply line speaks
                arguments("552-5.2.2 The email account that you tried to reach is over quota.\n552 5.2.2 Please direct the recipient to the help center",
                        Outcome.BOUNCE, 552, "5.2.2"),
                arguments("554-5.7.1 Relaying denied\r\n554-5.7.1 for <x@y>\r\n554 5.7.1 see the policy", Outcome.OPERATOR, 554, "5.7.1"),
                arguments("\n  550 5.1.1 leading blank line\n", Outcome.BOUNCE, 550, "5.1.1"),
                // how Jakarta Mail words a refused recipient inside another exception
                arguments("Invalid Addresses;\n  nested exception is:\n\torg.eclipse.angus.mail.smtp.SMTPAddressFailedException: "
                        + "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown\n", Outcome.BOUNCE, 550, "5.1.1"),
                arguments("[EOF] 421 4.4.2 connection dropped", Outcome.RETRY, 421, "4.4.2"),
                // an enhanced code whose class is not the basic code's is not trusted
                arguments("550 4.1.1 odd server", Outcome.BOUNCE, 550, null),
                arguments("554 2.0.0 odd server", Outcome.OPERATOR, 554, null),
                // an enhanced code alone, as in a delivery status report's Status
                arguments("5.1.1", Outcome.BOUNCE, null, "5.1.1"),
                arguments("5.7.1 (delivery not authorized, message refused)", Outcome.OPERATOR, null, "5.7.1"),
                arguments("4.4.1 (connection timed out)", Outcome.RETRY, null, "4.4.1"),
                arguments("5.0.0", Outcome.OPERATOR, null, "5.0.0"),
                // no reply: the connection failed
                arguments("[EOF]", Outcome.RETRY, null, null),
                arguments("Could not connect to SMTP host: 127.0.0.1, port: 2525;\n  nested exception is:\n\tjava.net.ConnectException: Connection refused",
                        Outcome.RETRY, null, null),
                arguments("Exception reading response;\n  nested exception is:\n\tjava.net.SocketTimeoutException: Read timed out",
                        Outcome.RETRY, null, null),
                arguments("Couldn't connect to host, port: smtp.example.org, 587; timeout 10000", Outcome.RETRY, null, null),
                // numbers that are not reply codes
                arguments("Read timed out after 500 ms", Outcome.RETRY, null, null),
                arguments("5501 not a code", Outcome.RETRY, null, null),
                arguments("550.1.1 not a code", Outcome.RETRY, null, null),
                arguments("5.1.1000 not a code", Outcome.RETRY, null, null),
                arguments("250 2.0.0 Ok: queued as 4F2A1C", Outcome.RETRY, 250, "2.0.0"));
    }

    @ParameterizedTest
    @MethodSource("replies")
    void a_reply_is_classified_by_its_codes(String reply, Outcome outcome, Integer basic, String enhanced) {
        assertThat(SmtpReply.classify(reply)).as("outcome").isEqualTo(outcome);
        if (basic == null) {
            assertThat(SmtpReply.basicCode(reply)).as("basic code").isEmpty();
        } else {
            assertThat(SmtpReply.basicCode(reply)).as("basic code").hasValue(basic);
        }
        assertThat(SmtpReply.enhancedCode(reply)).as("enhanced code").isEqualTo(Optional.ofNullable(enhanced));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n", "Connection reset", "[EOF]\n[EOF]"})
    void no_reply_at_all_is_retried(String reply) {
        assertThat(SmtpReply.classify(reply)).isEqualTo(Outcome.RETRY);
        assertThat(SmtpReply.basicCode(reply)).isEmpty();
        assertThat(SmtpReply.enhancedCode(reply)).isEmpty();
    }

    @Test
    void the_first_line_with_a_basic_code_wins_over_an_earlier_enhanced_code_alone() {
        String reply = "5.7.1 policy\n550 5.1.1 user unknown";

        assertThat(SmtpReply.classify(reply)).isEqualTo(Outcome.BOUNCE);
        assertThat(SmtpReply.enhancedCode(reply)).hasValue("5.1.1");
    }
}
