package org.lorkit.it.ops;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.attending.AttendingView;
import org.lorkit.application.kit.KitService;
import org.lorkit.application.outbox.OutboxSender;
import org.lorkit.application.rotation.RotationView;
import org.lorkit.application.student.StudentView;
import org.lorkit.infrastructure.time.Clocks;
import org.lorkit.it.support.Identities;
import org.lorkit.it.support.InsideLorKit;
import org.lorkit.it.support.ManagementPort;
import org.lorkit.it.support.Sql;
import org.lorkit.it.support.StuckEmail;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Prometheus scrape of the management port's /metrics sees: a kit sent counts under its mail kind, the
 * outbox's gauges show an email that waits (and its age), and WildFly's own statistics of LorKit's data source and
 * transactions are on.
 */
class MetricsIT extends InsideLorKit {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Map<String, String> KIT = Map.of("kind", "KIT");

    @Inject
    KitService kits;
    @Inject
    OutboxSender sender;
    @Inject
    Clocks clocks;
    @Resource(lookup = "java:jboss/datasources/LorKitDS")
    DataSource dataSource;

    private StuckEmail stuck;

    @AfterEach
    void nothingStuck() throws Exception {
        if (stuck != null) {
            stuck.release();
        }
    }

    private static double value(String metrics, String name, Map<String, String> labels) {
        return ManagementPort.sample(metrics, name, labels).orElse(0);
    }

    @Test
    void a_sent_kit_counts_under_its_kind_and_wildflys_data_source_and_transaction_statistics_are_exported() throws Exception {
        double sentBefore = value(ManagementPort.metrics(), "lorkit_mail_sent_total", KIT);
        long agency = fixtures.agency().id();
        Object[] made = new Object[3];
        as.staff(agency, () -> {
            StudentView student = fixtures.student(fixtures.cohort(), Identities.OWNER_STUDENT);
            AttendingView attending = fixtures.attending("Internal Medicine");
            made[0] = student;
            made[1] = attending;
            made[2] = fixtures.rotation(student, attending, 24);
            return null;
        });
        long requestId = fixtures.readyKit(agency, (StudentView) made[0], (AttendingView) made[1], (RotationView) made[2]);
        as.ownerStudent(agency, () -> kits.send(requestId));
        sender.sendDue();
        String status = ManagementPort.awaitUntil(() -> kitStatus(requestId), "SENT"::equals, DEADLINE);
        assertThat(status).as("the kit went out (here, or by the server's own sender)").isEqualTo("SENT");

        String metrics = ManagementPort.awaitUntil(ManagementPort::metrics,
                text -> value(text, "lorkit_mail_sent_total", KIT) >= sentBefore + 1, DEADLINE);
        System.out.println("MetricsIT GET " + ManagementPort.BASE + "/metrics (some lines):\n" + ManagementPort.lines(metrics,
                "lorkit_mail_sent_total", "lorkit_outbox_due", "lorkit_outbox_oldest_due_seconds", "lorkit_reminder_sweep_seconds_count",
                "datasources_pool_in_use_count", "transactions_number_of_transactions_total"));
        assertThat(value(metrics, "lorkit_mail_sent_total", KIT)).as("kits sent").isGreaterThanOrEqualTo(sentBefore + 1);
        assertThat(ManagementPort.sample(metrics, "lorkit_outbox_due", Map.of())).as("the backlog gauge").isPresent();
        assertThat(ManagementPort.sample(metrics, "lorkit_outbox_oldest_due_seconds", Map.of())).as("the age gauge").isPresent();
        // Statistics on (configure.cli): the pool of LorKit's data source and the transaction manager count.
        assertThat(ManagementPort.sample(metrics, "datasources_pool_in_use_count", Map.of("name", "LorKitDS"))).isPresent();
        assertThat(value(metrics, "transactions_number_of_transactions_total", Map.of())).isPositive();
    }

    @Test
    void the_outbox_gauges_show_an_email_that_waits_and_how_long_it_has_waited() throws Exception {
        long agency = fixtures.agency().id();
        stuck = StuckEmail.claimedElsewhere(dataSource, agency, clocks.now().minus(Duration.ofMinutes(10)));
        sender.sendDue(); // a run reads the backlog for the gauges when it ends (the timer does so every interval)

        String metrics = ManagementPort.awaitUntil(ManagementPort::metrics,
                text -> value(text, "lorkit_outbox_due", Map.of()) >= 1, DEADLINE);
        System.out.println("MetricsIT GET " + ManagementPort.BASE + "/metrics with an email waiting:\n"
                + ManagementPort.lines(metrics, "lorkit_outbox_due", "lorkit_outbox_oldest_due_seconds"));
        assertThat(value(metrics, "lorkit_outbox_due", Map.of())).isGreaterThanOrEqualTo(1);
        assertThat(ManagementPort.sample(metrics, "lorkit_outbox_oldest_due_seconds", Map.of())).isPresent();
        assertThat(value(metrics, "lorkit_outbox_oldest_due_seconds", Map.of())).isGreaterThanOrEqualTo(600);

        stuck.release();
        stuck = null;
        sender.sendDue();
        String after = ManagementPort.awaitUntil(ManagementPort::metrics,
                text -> value(text, "lorkit_outbox_oldest_due_seconds", Map.of()) < 600, DEADLINE);
        assertThat(value(after, "lorkit_outbox_oldest_due_seconds", Map.of())).as("once it is gone").isLessThan(600);
    }

    private String kitStatus(long requestId) {
        return Sql.text(dataSource, "SELECT status FROM outbox_email WHERE letter_request_id = ? AND kind = 'KIT'", requestId);
    }
}
