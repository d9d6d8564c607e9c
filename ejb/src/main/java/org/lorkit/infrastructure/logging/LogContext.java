package org.lorkit.infrastructure.logging;

import org.jboss.logging.MDC;

import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The log context of a unit of work: WildFly's log manager writes these MDC entries into every line (the plain
 * pattern shows them as {@code [agency] [request]}, the JSON lines in their {@code "mdc"} object; configure.cli).
 * {@link #AGENCY} is the agency's slug, set by {@code CurrentAgency.enter} wherever an agency is entered;
 * {@link #REQUEST} the id of an HTTP request (set by the web's RequestIdFilter, which uses the same key) or of a
 * job's run ({@link #job}). Every scope restores what was there before, so scopes nest.
 */
public final class LogContext {
    public static final String AGENCY = "agency";
    public static final String REQUEST = "request";

    private LogContext() {
    }

    /** A scope of the log context; closing it needs no exception handling. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Puts {@code value} under {@code key} (none: removes it) until the scope closes. */
    public static Scope put(String key, String value) {
        Object previous = MDC.get(key);
        set(key, value);
        return () -> set(key, previous);
    }

    /**
     * A run of a timer or background job: a fresh id named for the job ("reminders-3f9a0c1b2d4e") as the request,
     * and no agency until the job enters one. A pool thread may have inherited a request's context when it was
     * made (the log manager's MDC passes to threads a thread creates): the job replaces both.
     */
    public static Scope job(String name) {
        Scope request = put(REQUEST, name + "-" + newId());
        Scope agency = put(AGENCY, null);
        return () -> {
            agency.close();
            request.close();
        };
    }

    /** The work, to run on another thread (an executor's) in this thread's context as it is now. */
    public static <T> Callable<T> carried(Callable<T> work) {
        Object request = MDC.get(REQUEST);
        Object agency = MDC.get(AGENCY);
        return () -> {
            try (Scope r = put(REQUEST, text(request)); Scope a = put(AGENCY, text(agency))) {
                return work.call();
            }
        };
    }

    /** A short random id: 12 hex digits, enough to tell apart the requests of many days. */
    public static String newId() {
        return String.format("%012x", ThreadLocalRandom.current().nextLong() & 0xffff_ffff_ffffL);
    }

    private static void set(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
