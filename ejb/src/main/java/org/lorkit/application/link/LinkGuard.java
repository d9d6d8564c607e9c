package org.lorkit.application.link;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down guessing: a client that presents {@value #MAX_MISSES} unknown tokens within ten minutes of its first
 * is refused until those ten minutes are over, before any of its tokens is looked up. The memory is bounded: one
 * small counter per client (not one entry per miss), and at most {@value #MAX_CLIENTS} clients, the one seen
 * longest ago forgotten first. Each node keeps its own counts.
 */
@ApplicationScoped
public class LinkGuard {
    static final int MAX_MISSES = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** About 150 bytes each. */
    static final int MAX_CLIENTS = 10_000;

    /** In access order, so the eldest is the client seen longest ago; guarded by this. */
    private final Map<String, Misses> clients;

    public LinkGuard() {
        this(MAX_CLIENTS);
    }

    LinkGuard(int maxClients) {
        clients = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Misses> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** The seconds this client must wait before a token of its is looked up again (Retry-After); 0: it may go ahead. */
    public synchronized long retryAfter(String client, Instant now) {
        String key = key(client);
        Misses misses = clients.get(key);
        if (misses == null) {
            return 0;
        }
        if (misses.over(now)) {
            clients.remove(key);
            return 0;
        }
        return misses.retryAfter(now);
    }

    /** A token that matched no link. Answers the client's wait from now on, as {@link #retryAfter}. */
    public synchronized long miss(String client, Instant now) {
        String key = key(client);
        Misses misses = clients.get(key);
        if (misses == null || misses.over(now)) {
            misses = new Misses(now);
            clients.put(key, misses);
        }
        misses.count = Math.min(misses.count + 1, MAX_MISSES);
        return misses.retryAfter(now);
    }

    synchronized int trackedClients() {
        return clients.size();
    }

    /**
     * Who is counted: the address, and for IPv6 its /64, since one host is routinely given a whole /64 and could
     * otherwise guess from a fresh address each time.
     */
    static String key(String client) {
        if (client == null) {
            return "";
        }
        int zone = client.indexOf('%');
        String literal = zone < 0 ? client : client.substring(0, zone);
        // Only an address literal is parsed (no name lookup); anything else is a key as it is.
        if (literal.indexOf(':') < 0 || !literal.matches("[0-9A-Fa-f:.]+")) {
            return client;
        }
        try {
            InetAddress address = InetAddress.getByName(literal);
            byte[] bytes = address.getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address.getHostAddress();
        } catch (UnknownHostException e) {
            return client;
        }
    }

    /** One client's misses since its first one in the window: a start and a count, however many it tries. */
    private static final class Misses {
        private final long since;
        private int count;

        Misses(Instant now) {
            since = now.toEpochMilli();
        }

        /** The window is over, or the clock went back past its start (an NTP step): a stale count never blocks. */
        boolean over(Instant now) {
            long elapsed = now.toEpochMilli() - since;
            return elapsed < 0 || elapsed >= WINDOW.toMillis();
        }

        long retryAfter(Instant now) {
            if (count < MAX_MISSES) {
                return 0;
            }
            long left = WINDOW.toMillis() - (now.toEpochMilli() - since);
            // Whole seconds, rounded up, so a client that waits that long is let in; never beyond one window.
            return Math.max(1, Math.min(WINDOW.toSeconds(), (left + 999) / 1000));
        }
    }
}
