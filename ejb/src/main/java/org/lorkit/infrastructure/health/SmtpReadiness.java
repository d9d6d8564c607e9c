package org.lorkit.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.lorkit.infrastructure.mail.MailSettings;
import org.lorkit.settings.Settings;

import java.net.URI;
import java.time.Duration;

/**
 * Readiness "lorkit-smtp": the SMTP server the outbox sends through (MailSettings, read again on every probe) greets
 * and answers EHLO within {@link #TIMEOUT}. Reported by host and port; the login, if any, is never used or shown.
 */
@ApplicationScoped
@Readiness
public class SmtpReadiness implements HealthCheck {
    static final String NAME = "lorkit-smtp";
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    MailSettings settings;

    @Override
    public HealthCheckResponse call() {
        String host = settings.host();
        int port = settings.port();
        SmtpProbe.Answer answer = SmtpProbe.ask(host, port, ourName(), TIMEOUT);
        return HealthCheckResponse.named(NAME).withData("host", host).withData("port", port)
                .withData(answer.up() ? "reply" : "error", answer.detail()).status(answer.up()).build();
    }

    /** The name LorKit greets with: the host of its public address, a name the relay can tell. */
    private static String ourName() {
        try {
            String host = URI.create(Settings.baseUrl()).getHost();
            return host == null || host.isBlank() ? "localhost" : host;
        } catch (IllegalArgumentException e) {
            return "localhost";
        }
    }
}
