package com.partnernet.leads.directory;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RoutingShopRepository implements PanacheRepositoryBase<RoutingShop, UUID> {
}
