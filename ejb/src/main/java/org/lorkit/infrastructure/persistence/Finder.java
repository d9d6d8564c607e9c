package org.lorkit.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import org.lorkit.domain.shared.DomainException;

import java.util.List;
import java.util.Optional;

/** Small lookups every service needs. "Not found" reads the same whether the row is absent or another agency's. */
public final class Finder {
    private Finder() {
    }

    public static <T> Optional<T> find(EntityManager em, Class<T> type, Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(type, id));
    }

    /** The entity read from its row and locked as asked until the transaction ends, whatever a cache holds. */
    public static <T> Optional<T> find(EntityManager em, Class<T> type, Long id, jakarta.persistence.LockModeType lock) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(type, id, lock));
    }

    /** Loads the entity or fails with a message naming what was asked for, for the given input field. */
    public static <T> T require(EntityManager em, Class<T> type, Long id, String field) {
        return find(em, type, id).orElseThrow(() -> notFound(type, id, field));
    }

    /** The one "not found" message, also used when the record exists but the caller may not see it. */
    public static DomainException notFound(Class<?> type, Long id, String field) {
        return new DomainException(field, "No " + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase()
                + " with id " + id);
    }

    public static <T> Optional<T> single(List<T> results) {
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }
}
