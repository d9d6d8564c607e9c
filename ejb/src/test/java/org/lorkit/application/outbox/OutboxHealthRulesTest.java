package org.lorkit.application.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What the outbox's readiness and its sender's liveness decide, on their own numbers. */
class OutboxHealthRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void the_outbox_is_ready_until_its_oldest_due_email_has_waited_longer_than_the_limit() {
        Duration limit = Duration.ofMinutes(15);
        assertThat(OutboxBacklog.NONE.waitedLongerThan(limit, NOW)).isFalse();
        assertThat(OutboxBacklog.NONE.oldestAge(NOW)).isZero();

        assertThat(new OutboxBacklog(4, NOW.minus(Duration.ofMinutes(15))).waitedLongerThan(limit, NOW)).as("exactly the limit").isFalse();
        assertThat(new OutboxBacklog(4, NOW.minus(Duration.ofMinutes(15)).minusSeconds(1)).waitedLongerThan(limit, NOW)).isTrue();
        assertThat(new OutboxBacklog(1, NOW.minusSeconds(42)).oldestAge(NOW)).isEqualTo(Duration.ofSeconds(42));
        // Read a moment before a clock that another node sets a little behind: not due yet is not old.
        assertThat(new OutboxBacklog(1, NOW.plusSeconds(3)).oldestAge(NOW)).isZero();
    }

    @Test
    void the_sender_lives_while_it_shows_a_sign_within_its_lease_or_three_of_its_intervals() {
        Duration lease = Duration.ofMinutes(5);
        SenderPulse justNow = SenderPulse.of(Duration.ofSeconds(3).toNanos(), lease, Duration.ofSeconds(5));
        assertThat(justNow.stuck()).isFalse();
        assertThat(justNow.limit()).isEqualTo(lease);

        assertThat(SenderPulse.of(Duration.ofMinutes(5).plusSeconds(1).toNanos(), lease, Duration.ofSeconds(5)).stuck()).isTrue();

        // A node that sends once a day is not stuck between two of its sends.
        SenderPulse daily = SenderPulse.of(Duration.ofHours(20).toNanos(), lease, Duration.ofDays(1));
        assertThat(daily.limit()).isEqualTo(Duration.ofDays(3));
        assertThat(daily.stuck()).isFalse();
    }
}
