package org.lorkit.application.outbox;

import java.time.Duration;

/**
 * Whether this node's outbox sender still lives: how long since its last sign of life (its timer fired, a claim
 * returned, a mail was handled) against how long it may go without one. That limit is the outbox's lease, since a
 * sender silent for longer has lost its rows to other senders anyway, or three send intervals when those are longer
 * (a node that sends once a day). Nothing outside the node is asked: a mail server or database that is away makes a
 * run fail fast (their timeouts are seconds) and the next tick is a sign of life again.
 */
public record SenderPulse(Duration sinceLastSign, Duration limit) {

    public static SenderPulse of(long nanosSinceLastSign, Duration lease, Duration interval) {
        Duration threeIntervals = interval.multipliedBy(3);
        return new SenderPulse(Duration.ofNanos(Math.max(0, nanosSinceLastSign)),
                threeIntervals.compareTo(lease) > 0 ? threeIntervals : lease);
    }

    /** Silent for longer than it may be: the timers or the threads that send are wedged. */
    public boolean stuck() {
        return sinceLastSign.compareTo(limit) > 0;
    }
}
