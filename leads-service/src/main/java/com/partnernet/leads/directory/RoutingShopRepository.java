package com.partnernet.leads.directory;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.jpa.HibernateHints;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RoutingShopRepository implements PanacheRepositoryBase<RoutingShop, UUID> {

    /**
     * Every shop of the directory, read-only: routing reads the whole directory in each transaction that routes, and
     * a read-only entity is neither copied for nor checked at the flush (only the shop events change the directory).
     */
    public List<RoutingShop> listAllReadOnly() {
        return findAll().withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }
}
