package org.lorkit.application.link;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: a client that presents too many unknown tokens in ten minutes is refused for a
 * while. Valid links keep working, from anywhere.
 */
@ApplicationScoped
public class LinkGuard {
    static final int MAX_MISSES = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Map<String, Deque<Instant>> misses = new ConcurrentHashMap<>();

    /** Whether this client has guessed too often lately. */
    public boolean isBlocked(String client, Instant now) {
        Deque<Instant> recent = misses.get(client);
        if (recent == null) {
            return false;
        }
        synchronized (recent) {
            prune(recent, now);
            return recent.size() >= MAX_MISSES;
        }
    }

    public void miss(String client, Instant now) {
        if (misses.size() > 100_000) {
            misses.clear(); // a flood of clients: start over rather than grow without bound
        }
        Deque<Instant> recent = misses.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent, now);
            recent.addLast(now);
        }
    }

    private static void prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
            recent.pollFirst();
        }
    }
}
