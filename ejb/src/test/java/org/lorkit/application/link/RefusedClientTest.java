package org.lorkit.application.link;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lorkit.application.link.AttendingLinkService.Answer;
import org.lorkit.application.link.AttendingLinkService.Problem;
import org.lorkit.domain.link.CapabilityToken;
import org.lorkit.domain.link.LinkPurpose;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service at its boundary, with a database that knows no link and counts what it is asked: a guessing client
 * gets its answers from lookups until it is refused, and from then on from the guard alone.
 */
class RefusedClientTest {
    private static final Instant NOW = Instant.parse("2026-10-01T09:00:00Z");
    private static final String GUESSER = "198.51.100.7";

    private final AtomicInteger lookups = new AtomicInteger();
    private final AttendingLinkService links = new AttendingLinkService();

    @BeforeEach
    void aDatabaseWithoutLinks() {
        links.guard = new LinkGuard();
        links.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        links.platform = counting(EntityManager.class);
    }

    @Test
    void the_twentieth_unknown_token_is_refused_and_after_it_nothing_is_looked_up() {
        for (int i = 0; i < LinkGuard.MAX_MISSES - 1; i++) {
            assertThat(links.open(CapabilityToken.generate(), LinkPurpose.KIT, GUESSER).problem()).isEqualTo(Problem.UNKNOWN);
        }
        AttendingLinkService.Visit twentieth = links.open(CapabilityToken.generate(), LinkPurpose.KIT, GUESSER);
        assertThat(twentieth.problem()).isEqualTo(Problem.TOO_MANY_ATTEMPTS);
        assertThat(twentieth.retryAfterSeconds()).isEqualTo(600);
        assertThat(lookups).as("one lookup per guess so far").hasValue(LinkGuard.MAX_MISSES);

        lookups.set(0);
        AttendingLinkService.Visit refused = links.open(CapabilityToken.generate(), LinkPurpose.KIT, GUESSER);
        assertThat(refused.problem()).isEqualTo(Problem.TOO_MANY_ATTEMPTS);
        assertThat(refused.retryAfterSeconds()).isEqualTo(600);
        assertThat(links.answer(CapabilityToken.generate(), LinkPurpose.CONFIRM, Answer.CONFIRM, null, null, GUESSER).problem())
                .isEqualTo(Problem.TOO_MANY_ATTEMPTS);
        AttendingLinkService.Download download = links.document(CapabilityToken.generate(), "kit", GUESSER);
        assertThat(download.problem()).isEqualTo(Problem.TOO_MANY_ATTEMPTS);
        assertThat(download.retryAfterSeconds()).isEqualTo(600);
        assertThat(download.found()).isFalse();
        links.sendFreshLink(CapabilityToken.generate(), GUESSER);
        assertThat(lookups).as("database calls for a refused client").hasValue(0);

        links.open(CapabilityToken.generate(), LinkPurpose.KIT, "198.51.100.8");
        assertThat(lookups).as("another client is looked up as before").hasValue(1);
    }

    /** Asking for a fresh link goes through the same one resolution as opening a link: one lookup, and a miss. */
    @Test
    void a_fresh_link_asked_with_an_unknown_token_is_one_lookup_and_a_miss() {
        for (int i = 0; i < LinkGuard.MAX_MISSES; i++) {
            links.sendFreshLink(CapabilityToken.generate(), GUESSER);
        }
        assertThat(lookups).as("one lookup per guess").hasValue(LinkGuard.MAX_MISSES);
        assertThat(links.open(CapabilityToken.generate(), LinkPurpose.KIT, GUESSER).problem()).isEqualTo(Problem.TOO_MANY_ATTEMPTS);
    }

    @Test
    void a_malformed_token_counts_as_a_miss_without_a_lookup() {
        for (int i = 0; i < LinkGuard.MAX_MISSES; i++) {
            links.open("not-a-token", LinkPurpose.KIT, GUESSER);
        }
        assertThat(links.open(CapabilityToken.generate(), LinkPurpose.KIT, GUESSER).problem()).isEqualTo(Problem.TOO_MANY_ATTEMPTS);
        assertThat(lookups).hasValue(0);
    }

    /** The link page opened without any token (a bookmark, a crawler) is no guess: it never blocks the client. */
    @Test
    void a_visit_without_a_token_is_not_counted() {
        for (int i = 0; i < 3 * LinkGuard.MAX_MISSES; i++) {
            assertThat(links.open(i % 2 == 0 ? null : "", LinkPurpose.KIT, GUESSER).problem()).isEqualTo(Problem.UNKNOWN);
        }
        assertThat(links.guard.retryAfter(GUESSER, NOW)).isZero();
        assertThat(lookups).hasValue(0);
    }

    /** Answers every query with no rows, counting each call the service makes. */
    @SuppressWarnings("unchecked")
    private <T> T counting(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (type == EntityManager.class) {
                lookups.incrementAndGet();
                return counting(Query.class);
            }
            return method.getName().equals("getResultList") ? List.of() : proxy;
        });
    }
}
