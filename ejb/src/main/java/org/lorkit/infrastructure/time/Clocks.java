package org.lorkit.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.lorkit.settings.Settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of the application: the system clock in UTC; an agency's calendar is this clock in the agency's
 * time zone ({@code TenantData.clock()}). Tests that must see days pass (reminders,
 * the ERAS mismatch flag) move it forward with {@link #advance}, which only a server started with
 * {@code -Dlorkit.clock.adjustable=true} allows, so production time can never be moved.
 */
@ApplicationScoped
public class Clocks {
    static final String ADJUSTABLE = Settings.CLOCK_ADJUSTABLE.property();
    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);
    private static final Clock CLOCK = new ShiftedClock(ZoneOffset.UTC);

    @Produces
    Clock clock() {
        return CLOCK;
    }

    /** The time now, for the tests that move the clock and read it from outside the services (services inject the Clock). */
    public Instant now() {
        return CLOCK.instant();
    }

    /** Moves the application's time forward (or back, with a negative amount) from now on. */
    public void advance(Duration by) {
        if (!Settings.flag(Settings.CLOCK_ADJUSTABLE)) {
            throw new IllegalStateException("The clock can only be moved on a server started with -D" + ADJUSTABLE + "=true");
        }
        OFFSET.accumulateAndGet(by, Duration::plus);
    }

    /** Back to the real time. */
    public void reset() {
        OFFSET.set(Duration.ZERO);
    }

    /** The system time plus the test offset, read on every call, in a zone (an agency's calendar is this clock in its zone). */
    private static final class ShiftedClock extends Clock implements java.io.Serializable {
        // Serializable so that transaction-scoped beans (TenantData) may hold it; the offset is static, never carried.
        private static final long serialVersionUID = 1L;
        private final ZoneId zone;

        ShiftedClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return other.equals(zone) ? this : new ShiftedClock(other);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(OFFSET.get());
        }
    }
}
