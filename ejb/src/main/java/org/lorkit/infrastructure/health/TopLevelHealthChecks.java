package org.lorkit.infrastructure.health;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.lang.annotation.Annotation;
import java.util.logging.Logger;

/**
 * Shows LorKit's health checks to WildFly's MicroProfile Health, which looks for them only among the beans an EAR's
 * top level can see (its lib/ jars), never in its modules (WFLY-12835): the checks of lorkit-ejb.jar would be left
 * out, and readiness would say UP whatever the database or the mail server. For every {@code @Readiness} and
 * {@code @Liveness} check of this module, this extension adds a bean of the same qualifier whose bean class is
 * {@link HealthCheck} itself, so that it lives in the bean archive of the MicroProfile Health API module, which
 * WildFly's health subsystem can see; each such bean calls the check of this module it stands for.
 * (HealthIT finds every check exactly once: should WildFly one day find them itself, it says so.)
 */
public class TopLevelHealthChecks implements Extension {
    private static final Logger LOG = Logger.getLogger(TopLevelHealthChecks.class.getName());

    void showChecks(@Observes AfterBeanDiscovery discovery, BeanManager beans) {
        show(discovery, beans, Readiness.Literal.INSTANCE);
        show(discovery, beans, Liveness.Literal.INSTANCE);
    }

    private static void show(AfterBeanDiscovery discovery, BeanManager beans, Annotation kind) {
        for (Bean<?> check : beans.getBeans(HealthCheck.class, kind)) {
            if (!check.getBeanClass().getName().startsWith("org.lorkit.")) {
                continue; // only LorKit's own: anything else is not this module's to show
            }
            LOG.fine(() -> "Health check " + check.getBeanClass().getName() + " shown to WildFly as @" + kind.annotationType().getSimpleName());
            discovery.<HealthCheck>addBean()
                    .beanClass(HealthCheck.class)
                    .addType(HealthCheck.class)
                    .addQualifier(kind)
                    .createWith(context -> () -> resolve(beans, check).call());
        }
    }

    /** The check itself, looked up when it is called (an application-scoped check: its one instance). */
    private static HealthCheck resolve(BeanManager beans, Bean<?> check) {
        CreationalContext<?> context = beans.createCreationalContext(check);
        return (HealthCheck) beans.getReference(check, HealthCheck.class, context);
    }
}
