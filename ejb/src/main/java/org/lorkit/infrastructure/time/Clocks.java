package org.lorkit.infrastructure.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** Produces the clock. The system clock in UTC; a test or a simulation may replace it by an alternative. */
@ApplicationScoped
public class Clocks {
    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
