package com.partnernet.leads.directory;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RoutingShopRepository implements PanacheRepositoryBase<RoutingShop, UUID> {

    public List<RoutingShop> listOpen() {
        return list("status", Sort.by("name").and("shopId"), RoutingShop.OPEN);
    }

    public List<RoutingShop> listOpenInPostalCode(String postalCode) {
        return list("status = ?1 and postalCode = ?2", Sort.by("name").and("shopId"), RoutingShop.OPEN, postalCode);
    }
}
