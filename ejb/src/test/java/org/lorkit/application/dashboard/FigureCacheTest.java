package org.lorkit.application.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FigureCacheTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final FigureCache.Key AGENCY = new FigureCache.Key(1, null, TODAY);

    private static DashboardFigures figures(long students) {
        return new DashboardFigures(students, Map.of(), Map.of(), List.of(), Instant.EPOCH);
    }

    private static Clock at(int second) {
        return Clock.fixed(Instant.parse("2026-11-27T10:00:00Z").plusSeconds(second), ZoneOffset.UTC);
    }

    @Test
    void staff_opening_the_dashboard_within_the_period_share_one_computation() {
        FigureCache cache = new FigureCache(Duration.ofSeconds(15));
        AtomicInteger computed = new AtomicInteger();

        assertThat(cache.get(AGENCY, at(0), () -> figures(computed.incrementAndGet())).students()).isEqualTo(1);
        assertThat(cache.get(AGENCY, at(14), () -> figures(computed.incrementAndGet())).students()).isEqualTo(1);
        assertThat(cache.get(new FigureCache.Key(1, 7L, TODAY), at(14), () -> figures(computed.incrementAndGet())).students())
                .as("a cohort is its own entry").isEqualTo(2);
        assertThat(cache.get(AGENCY, at(15), () -> figures(computed.incrementAndGet())).students()).as("after the period").isEqualTo(3);
        assertThat(cache.get(AGENCY, at(16), () -> figures(computed.incrementAndGet())).students()).isEqualTo(3);
    }

    @Test
    void once_the_period_is_over_one_visitor_computes_while_the_others_get_the_previous_figures() throws Exception {
        FigureCache cache = new FigureCache(Duration.ofSeconds(15));
        cache.get(AGENCY, at(0), () -> figures(1));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService staff = Executors.newFixedThreadPool(2);
        try {
            Future<DashboardFigures> refreshing = staff.submit(() -> cache.get(AGENCY, at(20), () -> {
                started.countDown();
                await(release);
                return figures(2);
            }));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(staff.submit(() -> cache.get(AGENCY, at(21), () -> figures(99))).get(5, TimeUnit.SECONDS).students())
                    .as("no wait: the previous figures").isEqualTo(1);
            release.countDown();
            assertThat(refreshing.get(5, TimeUnit.SECONDS).students()).isEqualTo(2);
            assertThat(cache.get(AGENCY, at(22), () -> figures(99)).students()).as("then the fresh ones").isEqualTo(2);
        } finally {
            staff.shutdownNow();
        }
    }

    @Test
    void those_who_arrive_while_it_is_computed_wait_for_it_instead_of_computing_again() throws Exception {
        FigureCache cache = new FigureCache(Duration.ofSeconds(15));
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService staff = Executors.newFixedThreadPool(8);
        try {
            Future<DashboardFigures> first = staff.submit(() -> cache.get(AGENCY, at(0), () -> {
                started.countDown();
                await(release);
                return figures(computed.incrementAndGet());
            }));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            List<Future<DashboardFigures>> others = java.util.stream.IntStream.range(0, 7)
                    .mapToObj(i -> staff.submit(() -> cache.get(AGENCY, at(1), () -> figures(computed.incrementAndGet())))).toList();
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS).students()).isEqualTo(1);
            for (Future<DashboardFigures> other : others) {
                assertThat(other.get(5, TimeUnit.SECONDS).students()).isEqualTo(1);
            }
            assertThat(computed).hasValue(1);
        } finally {
            staff.shutdownNow();
        }
    }

    @Test
    void a_failed_computation_is_not_kept_and_a_zero_period_always_computes() {
        FigureCache cache = new FigureCache(Duration.ofSeconds(15));
        assertThatThrownBy(() -> cache.get(AGENCY, at(0), () -> {
            throw new IllegalStateException("database gone");
        })).hasMessage("database gone");
        assertThat(cache.get(AGENCY, at(1), () -> figures(5)).students()).isEqualTo(5);

        FigureCache off = new FigureCache(Duration.ZERO);
        AtomicInteger computed = new AtomicInteger();
        off.get(AGENCY, at(0), () -> figures(computed.incrementAndGet()));
        off.get(AGENCY, at(0), () -> figures(computed.incrementAndGet()));
        assertThat(computed).hasValue(2);
        assertThat(off.size()).isZero();
    }

    @Test
    void yesterdays_figures_are_dropped() {
        FigureCache cache = new FigureCache(Duration.ofSeconds(15));
        cache.get(AGENCY, at(0), () -> figures(1));
        cache.get(new FigureCache.Key(1, null, TODAY.plusDays(1)), at(0), () -> figures(2));
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void entries_nobody_asked_for_in_two_periods_are_dropped() {
        FigureCache cache = new FigureCache(Duration.ofSeconds(15));
        cache.get(new FigureCache.Key(1, 7L, TODAY), at(0), () -> figures(1));
        cache.get(AGENCY, at(10), () -> figures(2));
        cache.get(new FigureCache.Key(1, 8L, TODAY), at(31), () -> figures(3));
        assertThat(cache.size()).as("cohort 7, unused since second 0, went; the agency (second 10) stays").isEqualTo(2);
    }

    @Test
    void a_table_count_and_page_of_the_same_scope_are_entries_of_their_own() {
        FigureCache cache = new FigureCache(Duration.ofSeconds(15));
        StudentQuery atRisk = StudentQuery.atRisk(null);
        assertThat(cache.get(AGENCY, at(0), () -> figures(1)).students()).isEqualTo(1);
        assertThat(cache.<Long>get(new FigureCache.Key(1, null, TODAY, atRisk.forCount()), at(0), () -> 40L)).isEqualTo(40L);
        assertThat(cache.<Long>get(new FigureCache.Key(1, null, TODAY, atRisk.forCount()), at(5), () -> 41L)).as("shared").isEqualTo(40L);
        assertThat(cache.<Long>get(new FigureCache.Key(1, null, TODAY, StudentQuery.atRisk(null).forCount()), at(5), () -> 42L))
                .as("an equal query is the same entry").isEqualTo(40L);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void an_error_in_a_computation_leaves_no_entry_behind() {
        FigureCache cache = new FigureCache(Duration.ofSeconds(15));
        assertThatThrownBy(() -> cache.get(AGENCY, at(0), () -> {
            throw new OutOfMemoryError("heap");
        })).isInstanceOf(OutOfMemoryError.class);
        assertThat(cache.get(AGENCY, at(1), () -> figures(6)).students()).as("the next visitor computes, not waits").isEqualTo(6);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
