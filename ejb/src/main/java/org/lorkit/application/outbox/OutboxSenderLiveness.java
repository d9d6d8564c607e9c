package org.lorkit.application.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness "lorkit-outbox-sender": LorKit is deployed (this check exists only then) and this node's outbox sender
 * still shows signs of life ({@link SenderPulse}): its timer fires, or its run claims and sends. It asks nothing
 * outside the node, so a mail server or database that is away never makes a node look dead.
 */
@ApplicationScoped
@Liveness
public class OutboxSenderLiveness implements HealthCheck {
    static final String NAME = "lorkit-outbox-sender";

    @Inject
    OutboxSender sender;

    @Override
    public HealthCheckResponse call() {
        SenderPulse pulse = sender.pulse();
        return HealthCheckResponse.named(NAME)
                .withData("seconds-since-last-sign", pulse.sinceLastSign().toSeconds())
                .withData("limit-seconds", pulse.limit().toSeconds())
                .status(!pulse.stuck())
                .build();
    }
}
