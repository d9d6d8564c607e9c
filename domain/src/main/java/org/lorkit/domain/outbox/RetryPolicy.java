package org.lorkit.domain.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When the outbox tries an email again. A failure that may pass (no answer, 4xx) waits 30 s, 1 min, 2 min...
 * doubling up to an hour, plus up to a fifth more at random so nodes do not retry in step; after
 * {@value #MAX_ATTEMPTS} attempts the email is given up. Mail the relay holds for a reason of LorKit's own setup
 * waits {@value #HOLD_SECONDS} s (plus up to a fifth), without counting attempts, for at most {@link #HOLD_AT_MOST}.
 */
public final class RetryPolicy {
    public static final int MAX_ATTEMPTS = 10;
    static final long FIRST_WAIT_SECONDS = 30;
    static final long LONGEST_WAIT_SECONDS = 3600;
    /** 30 s doubled 7 times is past the hour: more doublings change nothing (and would overflow the shift). */
    private static final int MAX_DOUBLINGS = 7;

    /** How long mail the relay refuses for a reason of setup waits before it is tried again. */
    public static final long HOLD_SECONDS = 300;
    /** How long such mail is held at most before it is given up (and the letter shows it). */
    public static final Duration HOLD_AT_MOST = Duration.ofDays(3);

    private RetryPolicy() {
    }

    /** The wait before the next try, without jitter, after an email failed with {@code attemptsBefore} earlier failures. */
    public static long baseWaitSeconds(int attemptsBefore) {
        return Math.min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS << Math.min(attemptsBefore, MAX_DOUBLINGS));
    }

    /** When to try again an email that just failed and had failed {@code attemptsBefore} times before. */
    public static Instant nextAttempt(int attemptsBefore, Instant now, RandomGenerator random) {
        long base = baseWaitSeconds(attemptsBefore);
        return now.plusSeconds(base + random.nextLong(base / 5 + 1));
    }

    /** When to try again an email the relay held. */
    public static Instant nextAfterHold(Instant now, RandomGenerator random) {
        return now.plusSeconds(HOLD_SECONDS + random.nextLong(HOLD_SECONDS / 5));
    }

    /** Whether mail first held at {@code firstHeldAt} has been held too long to try again. */
    public static boolean heldTooLong(Instant firstHeldAt, Instant now) {
        return firstHeldAt.plus(HOLD_AT_MOST).isBefore(now);
    }
}
