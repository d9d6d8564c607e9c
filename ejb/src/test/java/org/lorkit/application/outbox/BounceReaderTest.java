package org.lorkit.application.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lorkit.domain.outbox.DeliveryEventKind;
import org.lorkit.infrastructure.mail.BounceMailbox;
import org.lorkit.infrastructure.mail.IncomingReport;
import org.lorkit.infrastructure.mail.MailSettings;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** What a report means for LorKit: read by its Action and status, as the relay's own answers are. */
class BounceReaderTest {

    private static IncomingReport report(IncomingReport.Action action, String status) {
        return new IncomingReport(IncomingReport.Kind.DELIVERY_STATUS, "<r@relay>", List.of(), null, List.of(),
                List.of(new IncomingReport.Recipient("dr@hospital.example", null, action, status, null)), null);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            "FAILED, 5.1.1, BOUNCED",     // no such mailbox
            "FAILED, 5.1.10, BOUNCED",    // Exchange: recipient not found
            "FAILED, 5.2.2, BOUNCED",     // mailbox full
            "FAILED, 5.4.4, BOUNCED",     // no route to the domain
            "FAILED, none, BOUNCED",      // a report without a status still says the address failed
            "FAILED, 5.7.1, GAVE_UP",     // refused for policy (DMARC, a blocked sender): not the address
            "FAILED, 4.4.7, GAVE_UP",     // the relay's queue lifetime ran out: delivery is over
            "DELAYED, 4.4.1, DELAYED",    // still trying
            "DELIVERED, 2.0.0, none",
            "RELAYED, 2.0.0, none"})
    void a_delivery_status_report_is_read_by_its_action_and_status(IncomingReport.Action action, String status, DeliveryEventKind kind) {
        assertThat(BounceReader.kind(report(action, status))).isEqualTo(kind);
    }

    @ParameterizedTest(name = "feedback type {0} -> {1}")
    @CsvSource(nullValues = "none", value = {"abuse, COMPLAINED", "fraud, COMPLAINED", "virus, COMPLAINED", "none, COMPLAINED",
            "not-spam, none", "opt-out, none", "auth-failure, none", "other, none"})
    void only_a_complaint_of_abuse_fraud_or_a_virus_stops_mail(String type, DeliveryEventKind kind) {
        IncomingReport complaint = new IncomingReport(IncomingReport.Kind.FEEDBACK, "<f@isp>", List.of(), null, List.of(),
                List.of(new IncomingReport.Recipient("dr@hospital.example", null, IncomingReport.Action.UNKNOWN, null, null)), type);
        assertThat(BounceReader.kind(complaint)).isEqualTo(kind);
    }

    /**
     * A reader that has just started does not read the mailbox on its first look: it waits one interval, like the
     * reminder sweep. It read at once before, and on the test server (which deploys once per test class) the timer
     * took a report out of the mailbox while BounceReportIT was reading it ("expected: 1 but was: 0").
     */
    @Test
    void a_reader_just_started_waits_one_interval_before_it_reads_the_mailbox() {
        AtomicInteger reads = new AtomicInteger();
        BounceReader reader = new BounceReader();
        reader.settings = new MailSettings() {
            @Override
            public long bounceIntervalMillis() {
                return 3_600_000;
            }
        };
        reader.mailbox = new BounceMailbox() {
            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public int read(Handler handler, int limit) {
                reads.incrementAndGet();
                return 0;
            }
        };
        reader.tick();
        assertThat(reads).as("mailbox reads on the first look").hasValue(0);
    }
}
