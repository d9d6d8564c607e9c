package org.lorkit.domain.shared;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantDiscriminatorColumn;
import org.eclipse.persistence.config.EntityManagerProperties;

import java.util.Objects;

/**
 * Everything an agency owns. EclipseLink adds {@code AGENCY_ID = :tenant} to every query and fills the
 * column on insert, from the tenant id the EntityManager was created with, so no query can forget it.
 */
@MappedSuperclass
@Multitenant(MultitenantType.SINGLE_TABLE)
@TenantDiscriminatorColumn(name = "AGENCY_ID", contextProperty = TenantOwnedEntity.TENANT_PROPERTY,
        discriminatorType = jakarta.persistence.DiscriminatorType.INTEGER)
public abstract class TenantOwnedEntity {
    /** The EntityManager property that carries the agency id. */
    public static final String TENANT_PROPERTY = EntityManagerProperties.MULTITENANT_PROPERTY_DEFAULT;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lorkit_seq")
    @SequenceGenerator(name = "lorkit_seq", sequenceName = "lorkit_seq", allocationSize = 50)
    private Long id;

    @Version
    private long version;

    public Long getId() {
        return id;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        return id != null && id.equals(((TenantOwnedEntity) other).id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getClass());
    }
}
