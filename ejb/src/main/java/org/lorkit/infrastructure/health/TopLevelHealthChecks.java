package org.lorkit.infrastructure.health;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.PassivationCapable;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Shows LorKit's health checks to WildFly's MicroProfile Health, which looks for them only among the beans an EAR's
 * top level can see (its lib/ jars, and the modules the health subsystem itself depends on), never in the EAR's
 * modules (WFLY-12835): the checks of lorkit-ejb.jar would be left out, and readiness would say UP whatever the
 * database or the mail server. For every {@code @Readiness} and {@code @Liveness} check of this module, this extension
 * adds a bean of the same qualifier that calls it. Its bean class is {@link HealthCheck} itself: Weld files a bean an
 * extension adds under the bean archive of its bean class, here the MicroProfile Health API module, which the health
 * subsystem sees. (HealthIT finds every check exactly once: should WildFly one day find them itself, it says so.)
 */
public class TopLevelHealthChecks implements Extension {
    private static final Logger LOG = Logger.getLogger(TopLevelHealthChecks.class.getName());

    void showChecks(@Observes AfterBeanDiscovery discovery, BeanManager beans) {
        for (Annotation kind : new Annotation[]{Readiness.Literal.INSTANCE, Liveness.Literal.INSTANCE}) {
            for (Bean<?> check : beans.getBeans(HealthCheck.class, kind)) {
                if (check.getBeanClass().getName().startsWith("org.lorkit.")) {
                    LOG.fine(() -> "Health check " + check.getBeanClass().getName() + " shown to WildFly as @"
                            + kind.annotationType().getSimpleName());
                    discovery.addBean(new ShownCheck(beans, check, kind));
                }
            }
        }
    }

    /** A dependent bean of type HealthCheck that calls one of this module's checks, looked up when it is called. */
    private record ShownCheck(BeanManager beans, Bean<?> check, Annotation kind) implements Bean<HealthCheck>, PassivationCapable {
        @Override
        public Class<?> getBeanClass() {
            return HealthCheck.class;
        }

        @Override
        public HealthCheck create(CreationalContext<HealthCheck> context) {
            return () -> {
                CreationalContext<?> lookup = beans.createCreationalContext(check);
                return ((HealthCheck) beans.getReference(check, HealthCheck.class, lookup)).call();
            };
        }

        @Override
        public void destroy(HealthCheck instance, CreationalContext<HealthCheck> context) {
            context.release();
        }

        @Override
        public Set<Type> getTypes() {
            return Set.of(HealthCheck.class, Object.class);
        }

        @Override
        public Set<Annotation> getQualifiers() {
            return Set.of(kind, Any.Literal.INSTANCE);
        }

        @Override
        public Class<? extends Annotation> getScope() {
            return Dependent.class;
        }

        @Override
        public String getName() {
            return null;
        }

        @Override
        public Set<Class<? extends Annotation>> getStereotypes() {
            return Set.of();
        }

        @Override
        public boolean isAlternative() {
            return false;
        }

        @Override
        public Set<InjectionPoint> getInjectionPoints() {
            return Set.of();
        }

        @Override
        public String getId() {
            return TopLevelHealthChecks.class.getName() + ":" + check.getBeanClass().getName();
        }
    }
}
