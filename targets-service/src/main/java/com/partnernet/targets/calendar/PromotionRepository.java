package com.partnernet.targets.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PromotionRepository implements PanacheRepositoryBase<Promotion, UUID> {

    /** Promotions touching a year, earliest first. */
    public List<Promotion> findTouching(int year) {
        return list("fromDay <= ?2 and toDay >= ?1", Sort.by("fromDay").and("id"), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
    }
}
