package org.lorkit.application;

/**
 * When a timed sweep does its work: the persistent timers only look every 10 s; the work runs one interval after the
 * bean started, then one interval after each run. Not at once on start: a freshly deployed node (or the test server,
 * which deploys once per test class) would otherwise read the bounce mailbox while a test reads it.
 */
public final class TimerPace {
    private final long startedAt;
    /** When the work is due next, in epoch milliseconds; 0 until the first look. */
    private long nextAt;

    /** A pace whose first interval counts from this time (the bean's start). */
    public TimerPace(long startedAtMillis) {
        this.startedAt = startedAtMillis;
    }

    /** Whether the work is due at this time; when it is, the next run is one interval later. */
    public synchronized boolean due(long nowMillis, long intervalMillis) {
        if (nextAt == 0) {
            nextAt = startedAt + intervalMillis;
        }
        if (nowMillis < nextAt) {
            return false;
        }
        nextAt = nowMillis + intervalMillis;
        return true;
    }
}
