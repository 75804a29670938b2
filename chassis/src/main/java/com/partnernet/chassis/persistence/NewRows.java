package com.partnernet.chassis.persistence;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.StatelessSession;

/**
 * New rows of one entity type inserted at once: in JDBC batches, by a stateless session on the transaction's own
 * connection, so they are written when this is called (after the rows they refer to) and commit or roll back with
 * the transaction. They do not enter the persistence context: Hibernate keeps no snapshot of them and does not check
 * them at each flush, which for the hundreds of rows a poll of leads creates cost more than writing them. A row
 * written this way is changed afterwards by loading it or by a query, never through the object given here.
 */
public final class NewRows {

    private NewRows() {
    }

    public static void insert(EntityManager entityManager, List<?> entities) {
        if (entities.isEmpty()) {
            return;
        }
        try (StatelessSession rows = entityManager.unwrap(Session.class).statelessWithOptions().connection().open()) {
            rows.insertMultiple(entities);
        }
    }
}
