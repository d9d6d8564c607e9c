package org.lorkit.infrastructure.tenancy;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The agency the current thread acts for. Set once per unit of work by whoever knows it from a
 * trusted source (the verified login token, an attending link's token row, a timer's own data) and
 * cleared afterwards; never taken from request parameters or page state.
 */
public final class CurrentAgency {
    private static final ThreadLocal<Long> AGENCY = new ThreadLocal<>();

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
        return () -> {
            if (previous == null) {
                AGENCY.remove();
            } else {
                AGENCY.set(previous);
            }
        };
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
