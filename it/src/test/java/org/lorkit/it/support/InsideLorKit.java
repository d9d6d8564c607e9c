package org.lorkit.it.support;

import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every test that runs inside the server starts from: the EAR with the test module deployed once, the run-as
 * identities ({@link As}) and the fixtures that build an agency's data through the real services.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class InsideLorKit {
    @Inject
    protected As as;
    @Inject
    protected Fixtures fixtures;

    @Deployment
    public static EnterpriseArchive deployment() {
        return Deployments.lorkitWithTests();
    }
}
