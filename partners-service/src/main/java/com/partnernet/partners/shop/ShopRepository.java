package com.partnernet.partners.shop;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ShopRepository implements PanacheRepositoryBase<Shop, UUID> {

    public List<Shop> listByPartner(UUID partnerId) {
        return list("partnerId", Sort.by("name").and("id"), partnerId);
    }
}
