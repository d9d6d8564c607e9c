package org.lorkit.domain.shared;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

/**
 * Counts the SQL statements EclipseLink runs on the current thread (JPQL and native alike), so tests and
 * benchmarks can check that a page's statement count does not grow with the data. Registered in
 * persistence.xml, which is why it lives beside it; it costs one thread-local increment per statement.
 */
public class SqlStatementCounter extends SessionEventAdapter {
    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public void postExecuteCall(SessionEvent event) {
        COUNT.get()[0]++;
    }

    /** The statements run on this thread so far; subtract two readings to count one piece of work. */
    public static long current() {
        return COUNT.get()[0];
    }
}
