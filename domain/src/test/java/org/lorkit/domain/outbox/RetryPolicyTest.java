package org.lorkit.domain.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2027-08-10T12:00:00Z");

    /** Always draws the smallest jitter, or always the largest. */
    private static final RandomGenerator LEAST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };
    private static final RandomGenerator MOST = new RandomGenerator() {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    @Test
    void the_wait_doubles_from_thirty_seconds_up_to_an_hour() {
        assertThat(RetryPolicy.baseWaitSeconds(0)).isEqualTo(30);
        assertThat(RetryPolicy.baseWaitSeconds(1)).isEqualTo(60);
        assertThat(RetryPolicy.baseWaitSeconds(2)).isEqualTo(120);
        assertThat(RetryPolicy.baseWaitSeconds(3)).isEqualTo(240);
        assertThat(RetryPolicy.baseWaitSeconds(4)).isEqualTo(480);
        assertThat(RetryPolicy.baseWaitSeconds(5)).isEqualTo(960);
        assertThat(RetryPolicy.baseWaitSeconds(6)).isEqualTo(1920);
        assertThat(RetryPolicy.baseWaitSeconds(7)).isEqualTo(3600);
        assertThat(RetryPolicy.baseWaitSeconds(9)).isEqualTo(3600);
        assertThat(RetryPolicy.baseWaitSeconds(1000)).isEqualTo(3600);
    }

    @Test
    void jitter_adds_up_to_a_fifth_of_the_wait() {
        assertThat(RetryPolicy.nextAttempt(0, NOW, LEAST)).isEqualTo(NOW.plusSeconds(30));
        assertThat(RetryPolicy.nextAttempt(0, NOW, MOST)).isEqualTo(NOW.plusSeconds(36));
        assertThat(RetryPolicy.nextAttempt(8, NOW, LEAST)).isEqualTo(NOW.plusSeconds(3600));
        assertThat(RetryPolicy.nextAttempt(8, NOW, MOST)).isEqualTo(NOW.plusSeconds(4320));
    }

    @Test
    void a_real_random_stays_within_the_bounds() {
        RandomGenerator random = RandomGenerator.getDefault();
        for (int attempts = 0; attempts < RetryPolicy.MAX_ATTEMPTS; attempts++) {
            long base = RetryPolicy.baseWaitSeconds(attempts);
            for (int i = 0; i < 50; i++) {
                assertThat(RetryPolicy.nextAttempt(attempts, NOW, random)).isBetween(NOW.plusSeconds(base), NOW.plusSeconds(base + base / 5));
            }
        }
    }

    @Test
    void an_email_is_given_up_after_ten_attempts() {
        assertThat(RetryPolicy.MAX_ATTEMPTS).isEqualTo(10);
    }

    @Test
    void held_mail_waits_five_minutes_plus_less_than_a_minute() {
        assertThat(RetryPolicy.nextAfterHold(NOW, LEAST)).isEqualTo(NOW.plusSeconds(300));
        assertThat(RetryPolicy.nextAfterHold(NOW, MOST)).isEqualTo(NOW.plusSeconds(359));
    }

    @Test
    void held_mail_is_given_up_once_held_for_more_than_three_days() {
        assertThat(RetryPolicy.HOLD_AT_MOST).isEqualTo(Duration.ofDays(3));
        Instant firstHeld = NOW.minus(Duration.ofDays(3));
        assertThat(RetryPolicy.heldTooLong(firstHeld, NOW)).isFalse();
        assertThat(RetryPolicy.heldTooLong(firstHeld.minusSeconds(1), NOW)).isTrue();
        assertThat(RetryPolicy.heldTooLong(NOW, NOW)).isFalse();
    }
}
