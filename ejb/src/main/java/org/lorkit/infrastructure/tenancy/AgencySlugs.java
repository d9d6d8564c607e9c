package org.lorkit.infrastructure.tenancy;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * While the application runs, {@link CurrentAgency} finds the slug it puts in the log context through
 * {@link TenantResolver#slugOf}; before this starts (and in unit tests) the log names the agency by its id.
 */
@Singleton
@Startup
public class AgencySlugs {
    @Inject
    private TenantResolver tenants;

    @PostConstruct
    void start() {
        CurrentAgency.findSlugsWith(tenants::slugOf);
    }

    @PreDestroy
    void stop() {
        CurrentAgency.findSlugsWith(null);
    }
}
