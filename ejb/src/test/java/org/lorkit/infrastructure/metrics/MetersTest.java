package org.lorkit.infrastructure.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;
import org.lorkit.domain.outbox.MailKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class MetersTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Meters meters = Meters.recordingTo(registry, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void each_outcome_of_a_mail_is_its_own_counter_tagged_by_the_mail_kind() {
        meters.mail(Meters.Mail.SENT, MailKind.KIT);
        meters.mail(Meters.Mail.SENT, MailKind.KIT);
        meters.mail(Meters.Mail.SENT, MailKind.REMINDER_1);
        meters.mail(Meters.Mail.BOUNCED, MailKind.KIT);

        assertThat(registry.get("lorkit.mail.sent").tag("kind", "KIT").counter().count()).isEqualTo(2);
        assertThat(registry.get("lorkit.mail.sent").tag("kind", "REMINDER_1").counter().count()).isEqualTo(1);
        assertThat(registry.get("lorkit.mail.bounced").tag("kind", "KIT").counter().count()).isEqualTo(1);
        assertThat(registry.find("lorkit.mail.failed").counters()).isEmpty();
    }

    @Test
    void the_meter_names_are_declared_once_and_distinct() {
        List<String> names = new ArrayList<>();
        for (Meters.Mail mail : Meters.Mail.values()) {
            names.add(mail.meter);
        }
        names.addAll(List.of(Meters.OUTBOX_DUE, Meters.OUTBOX_OLDEST_DUE_SECONDS, Meters.REMINDER_SWEEP, Meters.REMINDER_SWEEP_MOVED,
                Meters.DASHBOARD_COMPUTATION, Meters.ATTENDING_ANSWERS, Meters.ROSTER_ROWS));
        assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.matches("lorkit(\\.[a-z]+)+"));
    }

    @Test
    void the_outbox_gauges_read_the_last_backlog_and_age_it_at_each_scrape_without_a_query() {
        assertThat(registry.get(Meters.OUTBOX_DUE).gauge().value()).isZero();
        assertThat(registry.get(Meters.OUTBOX_OLDEST_DUE_SECONDS).gauge().value()).isZero();

        meters.outboxBacklog(3, NOW.minus(Duration.ofSeconds(90)));
        assertThat(registry.get(Meters.OUTBOX_DUE).gauge().value()).isEqualTo(3);
        assertThat(registry.get(Meters.OUTBOX_OLDEST_DUE_SECONDS).gauge().value()).isEqualTo(90);

        meters.outboxBacklog(0, null);
        assertThat(registry.get(Meters.OUTBOX_OLDEST_DUE_SECONDS).gauge().value()).isZero();
    }

    /** WildFly's registry outlives a redeploy: the new deployment's gauges must read its own backlog, not the old one's. */
    @Test
    void a_second_start_on_the_same_registry_replaces_the_gauges_of_the_first() {
        meters.outboxBacklog(7, NOW.minusSeconds(30));
        meters.stop();
        assertThat(registry.find(Meters.OUTBOX_DUE).gauges()).as("gone with the deployment").isEmpty();

        Meters stale = Meters.recordingTo(registry, Clock.fixed(NOW, ZoneOffset.UTC));
        stale.outboxBacklog(7, NOW.minusSeconds(30));
        Meters redeployed = Meters.recordingTo(registry, Clock.fixed(NOW, ZoneOffset.UTC));
        redeployed.outboxBacklog(2, NOW.minusSeconds(5));
        assertThat(registry.find(Meters.OUTBOX_DUE).gauges()).singleElement().satisfies(gauge -> assertThat(gauge.value()).isEqualTo(2));
        assertThat(registry.get(Meters.OUTBOX_OLDEST_DUE_SECONDS).gauge().value()).isEqualTo(5);
    }

    @Test
    void sweeps_dashboard_answers_and_roster_rows_are_metered() {
        meters.reminderSweep(Duration.ofMillis(1500), 12);
        assertThat(registry.get(Meters.REMINDER_SWEEP).timer().count()).isEqualTo(1);
        assertThat(registry.get(Meters.REMINDER_SWEEP_MOVED).summary().totalAmount()).isEqualTo(12);

        assertThat(meters.dashboard("figures", () -> "computed")).isEqualTo("computed");
        assertThat(registry.get(Meters.DASHBOARD_COMPUTATION).tag("part", "figures").timer().count()).isEqualTo(1);

        meters.attendingAnswer("CONFIRM");
        assertThat(registry.get(Meters.ATTENDING_ANSWERS).tag("answer", "CONFIRM").counter().count()).isEqualTo(1);

        meters.rosterRows(8, 2);
        assertThat(registry.get(Meters.ROSTER_ROWS).tag("outcome", "accepted").counter().count()).isEqualTo(8);
        assertThat(registry.get(Meters.ROSTER_ROWS).tag("outcome", "refused").counter().count()).isEqualTo(2);
    }

    @Test
    void a_count_inside_a_transaction_waits_for_its_commit_and_is_dropped_on_rollback() {
        FakeTransactions transactions = new FakeTransactions();
        meters.transactions = transactions;

        meters.mail(Meters.Mail.SENT, MailKind.KIT);
        assertThat(registry.find("lorkit.mail.sent").counter()).as("not before the commit").isNull();
        transactions.complete(Status.STATUS_COMMITTED);
        assertThat(registry.get("lorkit.mail.sent").tag("kind", "KIT").counter().count()).isEqualTo(1);

        meters.mail(Meters.Mail.SENT, MailKind.KIT);
        transactions.complete(Status.STATUS_ROLLEDBACK);
        assertThat(registry.get("lorkit.mail.sent").tag("kind", "KIT").counter().count()).isEqualTo(1);

        transactions.status = Status.STATUS_MARKED_ROLLBACK;
        meters.attendingAnswer("DECLINE");
        assertThat(transactions.registered).isEmpty();
        assertThat(registry.find(Meters.ATTENDING_ANSWERS).counter()).isNull();
    }

    @Test
    void without_a_registry_from_the_server_the_meters_count_into_nothing_and_never_fail() {
        Meters withoutRegistry = new Meters();
        withoutRegistry.clock = Clock.systemUTC();
        withoutRegistry.start();
        assertThatCode(() -> {
            withoutRegistry.mail(Meters.Mail.FAILED, MailKind.DIGEST);
            withoutRegistry.outboxBacklog(1, Instant.now());
            withoutRegistry.reminderSweep(Duration.ofSeconds(1), 0);
            withoutRegistry.rosterRows(1, 0);
            withoutRegistry.dashboard("students", () -> 1);
        }).doesNotThrowAnyException();
    }

    /** A transaction that stays active until the test completes it. */
    private static final class FakeTransactions implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_ACTIVE;
        final List<Synchronization> registered = new ArrayList<>();

        void complete(int outcome) {
            registered.forEach(s -> s.afterCompletion(outcome));
            registered.clear();
        }

        @Override
        public Object getTransactionKey() {
            return "tx";
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            registered.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
