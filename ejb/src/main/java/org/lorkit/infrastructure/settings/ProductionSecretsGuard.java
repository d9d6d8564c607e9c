package org.lorkit.infrastructure.settings;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.lorkit.settings.Settings;

import java.util.logging.Logger;

/**
 * Stops the deployment before anything else starts (the schema migration waits for it) when LorKit would
 * run on a public address with a development or example secret ({@link ProductionSecrets}).
 */
@Singleton
@Startup
public class ProductionSecretsGuard {
    private static final Logger LOG = Logger.getLogger(ProductionSecretsGuard.class.getName());

    @PostConstruct
    void refuseDevelopmentSecrets() {
        // A property's name and a variable's name are looked up alike: MicroProfile Config finds either.
        ProductionSecrets.refusal(name -> Settings.named(name, null), name -> Settings.named(name, null)).ifPresent(reason -> {
            LOG.severe(reason);
            throw new RefusedToStart(reason);
        });
    }

    /** Fails the deployment; the line above already says why, so it carries no stack trace of its own. */
    static final class RefusedToStart extends RuntimeException {
        RefusedToStart(String reason) {
            super(reason, null, false, false);
        }
    }
}
