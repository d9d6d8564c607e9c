package org.lorkit.infrastructure.tenancy;

import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.TransactionScoped;
import org.lorkit.domain.shared.TenantOwnedEntity;

import java.io.Serializable;
import java.util.Map;

/**
 * The EntityManager for tenant-owned data: created on first use in a transaction with the current
 * agency as EclipseLink's tenant id, joined to the transaction, closed when it ends. Its tenant never
 * changes: a unit of work that switches agency inside one transaction is refused.
 */
@TransactionScoped
public class TenantEntityManager implements Serializable {
    private static final long serialVersionUID = 1L;

    @PersistenceUnit(unitName = "lorkit")
    private transient EntityManagerFactory factory;

    private transient EntityManager entityManager;
    private Long agencyId;

    public EntityManager get() {
        long current = CurrentAgency.require();
        if (entityManager == null) {
            entityManager = factory.createEntityManager(Map.of(TenantOwnedEntity.TENANT_PROPERTY, current));
            entityManager.joinTransaction();
            agencyId = current;
        } else if (agencyId != current) {
            throw new IllegalStateException("The agency changed inside one transaction");
        }
        return entityManager;
    }

    public long agencyId() {
        get();
        return agencyId;
    }

    @PreDestroy
    void close() {
        if (entityManager != null && entityManager.isOpen()) {
            entityManager.close();
        }
    }
}
