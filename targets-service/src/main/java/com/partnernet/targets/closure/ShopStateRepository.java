package com.partnernet.targets.closure;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** What this service knows of each shop from partners.shop-events. */
@ApplicationScoped
public class ShopStateRepository implements PanacheRepositoryBase<ShopState, UUID> {
}
