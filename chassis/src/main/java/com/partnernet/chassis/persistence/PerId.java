package com.partnernet.chassis.persistence;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;

/**
 * A figure per id, read by a native statement that binds the ids as one array ({@code = any(cast(:ids as uuid[]))}):
 * a JPQL {@code in :list} is translated to SQL anew for every list length, which costs more CPU than the statement.
 * It reads without flushing the transaction's pending writes: callers that read this way keep what they wrote
 * themselves (routing's session does).
 */
public final class PerId {

    private PerId() {
    }

    /**
     * @param sql selects the columns {@code id} and {@code value}, binding the ids as {@code :ids}
     * @return the value per id; ids without a row are left out
     */
    @SuppressWarnings("unchecked")
    public static <V> Map<UUID, V> read(EntityManager entityManager, String sql, Collection<UUID> ids, Class<V> valueType,
            Map<String, Object> parameters) {
        Map<UUID, V> values = new HashMap<>();
        if (ids.isEmpty()) {
            return values;
        }
        NativeQuery<Object[]> query = entityManager.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("id", UUID.class).addScalar("value", valueType);
        query.setHibernateFlushMode(FlushMode.COMMIT).setParameter("ids", array(ids));
        parameters.forEach(query::setParameter);
        query.getResultList().forEach(row -> values.put((UUID) row[0], valueType.cast(row[1])));
        return values;
    }

    /** The ids as a text array, for {@code cast(:ids as uuid[])}. */
    public static String[] array(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
