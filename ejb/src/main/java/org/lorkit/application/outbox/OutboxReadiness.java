package org.lorkit.application.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.lorkit.settings.Settings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Readiness "lorkit-outbox": the oldest due, unsent email of the whole outbox has waited less than
 * LORKIT_OUTBOX_READY_MAX_AGE_MINUTES. Reads the outbox afresh on every probe (one indexed statement; see
 * {@link OutboxDelivery#backlog}), across agencies, and reports only a count and an age.
 */
@ApplicationScoped
@Readiness
public class OutboxReadiness implements HealthCheck {
    static final String NAME = "lorkit-outbox";
    static final long DEFAULT_MAX_AGE_MINUTES = 15;

    @Inject
    OutboxDelivery delivery;
    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        Duration limit = Duration.ofMinutes(Settings.number(Settings.OUTBOX_READY_MAX_AGE_MINUTES, DEFAULT_MAX_AGE_MINUTES));
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("max-age-seconds", limit.toSeconds());
        OutboxBacklog backlog;
        try {
            backlog = delivery.backlog();
        } catch (RuntimeException e) {
            return response.withData("error", "the outbox could not be read").down().build();
        }
        Instant now = clock.instant();
        return response.withData("due", backlog.due())
                .withData("oldest-due-age-seconds", backlog.oldestAge(now).toSeconds())
                .status(!backlog.waitedLongerThan(limit, now))
                .build();
    }
}
