package org.lorkit.infrastructure.tenancy;

import org.lorkit.infrastructure.logging.LogContext;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * The agency the current thread acts for. Set once per unit of work by whoever knows it from a
 * trusted source (the verified login token, an attending link's token row, a timer's own data) and
 * cleared afterwards; never taken from request parameters or page state. While an agency is entered, its slug is
 * the log context's agency ({@link LogContext#AGENCY}), so every log line of the work names it.
 */
public final class CurrentAgency {
    private static final ThreadLocal<Long> AGENCY = new ThreadLocal<>();
    /** The slugs found so far: a slug never changes, so each agency is looked up once per server. */
    private static final Map<Long, String> SLUGS = new ConcurrentHashMap<>();
    /** How to find a slug ({@link AgencySlugs} sets it while the application runs); none: the log shows the id. */
    private static volatile LongFunction<Optional<String>> slugLookup;

    private CurrentAgency() {
    }

    public static Optional<Long> id() {
        return Optional.ofNullable(AGENCY.get());
    }

    public static long require() {
        Long id = AGENCY.get();
        if (id == null) {
            throw new IllegalStateException("No agency in context: tenant-owned data needs CurrentAgency.callAs");
        }
        return id;
    }

    /** Puts the agency in context until the returned scope closes, which restores what was there before. */
    public static Scope enter(long agencyId) {
        Long previous = AGENCY.get();
        AGENCY.set(agencyId);
        LogContext.Scope logged = LogContext.put(LogContext.AGENCY, slug(agencyId));
        return () -> {
            logged.close();
            if (previous == null) {
                AGENCY.remove();
            } else {
                AGENCY.set(previous);
            }
        };
    }

    /** Sets (or, with null, removes) how slugs are found; the slugs already found are kept. */
    static void findSlugsWith(LongFunction<Optional<String>> lookup) {
        slugLookup = lookup;
    }

    /**
     * The agency's slug for the log; its id in words if it cannot be found (no lookup, an agency gone, the database
     * away: then it is tried again next time), since naming the agency must never stop the work.
     */
    static String slug(long agencyId) {
        String known = SLUGS.get(agencyId);
        if (known != null) {
            return known;
        }
        LongFunction<Optional<String>> lookup = slugLookup;
        if (lookup != null) {
            try {
                Optional<String> found = lookup.apply(agencyId);
                if (found.isPresent()) {
                    SLUGS.put(agencyId, found.get());
                    return found.get();
                }
            } catch (RuntimeException e) {
                // the id below says which agency it is
            }
        }
        return "agency-" + agencyId;
    }

    /** An agency in context; closing it needs no exception handling. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs the work as the agency, then restores whatever was in context before. */
    public static <T> T callAs(long agencyId, Callable<T> work) {
        try (Scope ignored = enter(agencyId)) {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void runAs(long agencyId, Runnable work) {
        try (Scope ignored = enter(agencyId)) {
            work.run();
        }
    }
}
