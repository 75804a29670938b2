package com.partnernet.targets.closure;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ShopClosureRepository implements PanacheRepositoryBase<ShopClosure, UUID> {

    /** The shop's closures not ended yet. */
    public List<ShopClosure> findOpen(UUID shopId) {
        return list("shopId = ?1 and reopenedOn is null", shopId);
    }

    /** A shop's closures touching [from, to], earliest first. */
    public List<ShopClosure> findTouching(UUID shopId, LocalDate from, LocalDate to) {
        return list("shopId = ?1 and closedFrom <= ?3 and (reopenedOn is null or reopenedOn > ?2)", Sort.by("closedFrom"),
                shopId, from, to);
    }
}
