package org.lorkit.perf.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bearer token per login, fetched before the load starts and fetched again in the background before it
 * expires (the realm's access tokens live 300 s; a token is renewed once it is {@link #RENEW_AFTER} old, checked
 * every {@link #CHECK_EVERY}), so that no virtual user ever waits for Keycloak and Keycloak's time is not
 * counted as LorKit's. A failed renewal keeps the old, still valid token and is tried again at the next check.
 */
final class Tokens implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Tokens.class.getName());
    // Half the lifespan, not two thirds: under overload a request can wait ~45 s in WildFly's queue and the 140
    // renewals themselves take minutes when Keycloak is starved, so a token renewed at 200 s could expire on the way.
    static final Duration RENEW_AFTER = Duration.ofSeconds(150);
    static final Duration CHECK_EVERY = Duration.ofSeconds(15);

    private record Token(String value, long fetchedAt) {
    }

    private final Function<String, String> login;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final ExecutorService fetchers = Executors.newFixedThreadPool(4, daemon("load-token"));
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(daemon("load-token-renewal"));

    /** @param login a fresh access token for a login (Keycloak's direct grant with the demo password) */
    Tokens(Function<String, String> login) {
        this.login = login;
    }

    /** Fetches every login's token (failing if any cannot be had), then keeps them fresh until closed. */
    Tokens start(Collection<String> logins) throws Exception {
        List<Future<?>> fetched = new ArrayList<>();
        for (String user : logins) {
            fetched.add(fetchers.submit(() -> fetch(user)));
        }
        for (Future<?> f : fetched) {
            f.get();
        }
        renewer.scheduleWithFixedDelay(this::renewStale, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The login's current token ("" if it never had one: the request then fails with 401, as it should). */
    String current(String user) {
        Token token = tokens.get(user);
        return token == null ? "" : token.value();
    }

    /** How old the login's current token is, in seconds (-1 if it never had one). */
    Long ageSeconds(String user) {
        Token token = tokens.get(user);
        return token == null ? -1L : Duration.ofNanos(System.nanoTime() - token.fetchedAt()).toSeconds();
    }

    private void renewStale() {
        long staleBefore = System.nanoTime() - RENEW_AFTER.toNanos();
        List<Future<?>> renewing = new ArrayList<>();
        tokens.forEach((user, token) -> {
            if (token.fetchedAt() < staleBefore) {
                renewing.add(fetchers.submit(() -> {
                    try {
                        fetch(user);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Could not renew the token of {0} (kept the old one, retrying in {1} s): {2}",
                                new Object[]{user, CHECK_EVERY.toSeconds(), e.getMessage()});
                    }
                }));
            }
        });
        for (Future<?> f : renewing) {
            try {
                f.get();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Token renewal interrupted", e);
            }
        }
    }

    private void fetch(String user) {
        long at = System.nanoTime();
        tokens.put(user, new Token(login.apply(user), at));
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        fetchers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
