package org.lorkit.application.link;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LinkGuardTest {
    private static final Instant T0 = Instant.parse("2026-10-01T09:00:00Z");

    @Test
    void the_twentieth_miss_refuses_the_client_until_ten_minutes_after_its_first() {
        LinkGuard guard = new LinkGuard();
        for (int i = 0; i < 19; i++) {
            assertThat(guard.miss("198.51.100.7", T0.plusSeconds(i))).as("miss %d", i + 1).isZero();
        }
        assertThat(guard.retryAfter("198.51.100.7", T0.plusSeconds(30))).isZero();

        assertThat(guard.miss("198.51.100.7", T0.plusSeconds(60))).as("the 20th, a minute in").isEqualTo(9 * 60);
        assertThat(guard.retryAfter("198.51.100.7", T0.plus(Duration.ofMinutes(4)))).isEqualTo(6 * 60);
        assertThat(guard.retryAfter("198.51.100.7", T0.plus(Duration.ofMinutes(10)).minusMillis(1)))
                .as("rounded up: waiting that long is enough").isEqualTo(1);
        assertThat(guard.retryAfter("198.51.100.8", T0.plusSeconds(61))).as("another client").isZero();

        assertThat(guard.retryAfter("198.51.100.7", T0.plus(Duration.ofMinutes(10)))).as("the window is over").isZero();
        assertThat(guard.trackedClients()).as("and the client forgotten").isZero();
        assertThat(guard.miss("198.51.100.7", T0.plus(Duration.ofMinutes(10)))).as("a fresh window").isZero();
    }

    /** The tests' clock goes back to real time after running ahead (and an NTP step can do the same). */
    @Test
    void a_clock_that_goes_back_does_not_keep_a_client_blocked() {
        LinkGuard guard = new LinkGuard();
        Instant ahead = T0.plus(Duration.ofDays(40));
        for (int i = 0; i < 20; i++) {
            guard.miss("198.51.100.9", ahead.plusSeconds(i));
        }
        assertThat(guard.retryAfter("198.51.100.9", ahead.plusSeconds(30))).isPositive();

        assertThat(guard.retryAfter("198.51.100.9", T0)).as("back to the real time").isZero();
    }

    @Test
    void a_million_misses_of_one_client_keep_one_counter_and_do_not_stretch_the_wait() {
        LinkGuard guard = new LinkGuard();
        for (int i = 0; i < 1_000_000; i++) {
            guard.miss("198.51.100.7", T0.plusMillis(i / 10));
        }
        assertThat(guard.trackedClients()).isEqualTo(1);
        assertThat(guard.retryAfter("198.51.100.7", T0.plusSeconds(100))).isEqualTo(10 * 60 - 100);
    }

    @Test
    void a_million_distinct_clients_stay_within_the_bound_and_a_client_still_knocking_is_kept() {
        LinkGuard guard = new LinkGuard();
        for (int i = 0; i < LinkGuard.MAX_MISSES; i++) {
            guard.miss("203.0.113.9", T0);
        }
        for (int i = 0; i < 1_000_000; i++) {
            guard.miss("10." + (i >> 16 & 0xFF) + "." + (i >> 8 & 0xFF) + "." + (i & 0xFF) + "#" + (i >> 24), T0.plusMillis(i / 10));
            if (i % 1000 == 0) {
                guard.retryAfter("203.0.113.9", T0.plusMillis(i / 10));
            }
            assertThat(guard.trackedClients()).isLessThanOrEqualTo(LinkGuard.MAX_CLIENTS);
        }
        assertThat(guard.trackedClients()).isEqualTo(LinkGuard.MAX_CLIENTS);
        assertThat(guard.retryAfter("203.0.113.9", T0.plusSeconds(100))).as("the guesser seen lately").isPositive();
        assertThat(guard.retryAfter("10.0.0.1#0", T0.plusSeconds(100))).as("seen longest ago: forgotten").isZero();
    }

    @Test
    void when_full_the_client_seen_longest_ago_is_forgotten() {
        LinkGuard guard = new LinkGuard(3);
        for (int i = 0; i < LinkGuard.MAX_MISSES; i++) {
            guard.miss("a", T0);
        }
        guard.miss("b", T0);
        guard.miss("c", T0);
        guard.retryAfter("a", T0.plusSeconds(1));
        guard.miss("d", T0.plusSeconds(2));

        assertThat(guard.trackedClients()).isEqualTo(3);
        assertThat(guard.retryAfter("a", T0.plusSeconds(3))).isPositive();
    }

    @Test
    void an_ipv6_client_is_counted_by_its_64_bit_prefix() {
        assertThat(LinkGuard.key("2001:db8:1:2::1")).isEqualTo(LinkGuard.key("2001:0db8:0001:0002:ffff:aaaa:0:9"))
                .isNotEqualTo(LinkGuard.key("2001:db8:1:3::1"));
        assertThat(LinkGuard.key("fe80::1%eth0")).isEqualTo(LinkGuard.key("fe80::2"));
        assertThat(LinkGuard.key("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(LinkGuard.key("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(LinkGuard.key("abuse-test")).isEqualTo("abuse-test");

        LinkGuard guard = new LinkGuard();
        for (int i = 0; i < LinkGuard.MAX_MISSES; i++) {
            guard.miss("2001:db8:1:2::" + Integer.toHexString(i + 1), T0);
        }
        assertThat(guard.retryAfter("2001:db8:1:2:dead:beef::1", T0)).isPositive();
    }
}
