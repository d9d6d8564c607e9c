package org.lorkit.it.support;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.jboss.ejb3.annotation.RunAsPrincipal;
import org.lorkit.application.Roles;

import java.util.concurrent.Callable;

/** The student who owns the records under test. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RunAs(Roles.STUDENT)
@RunAsPrincipal(Identities.OWNER_STUDENT)
public class AsOwnerStudent {
    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
