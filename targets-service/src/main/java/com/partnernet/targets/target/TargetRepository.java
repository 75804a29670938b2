package com.partnernet.targets.target;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TargetRepository implements PanacheRepositoryBase<Target, UUID> {

    public Optional<Target> find(UUID partnerId, int year, ProductLine productLine) {
        return find("partnerId = ?1 and year = ?2 and productLine = ?3", partnerId, year, productLine).firstResultOptional();
    }

    public List<Target> listByPartner(UUID partnerId, int year) {
        return list("partnerId = ?1 and year = ?2", Sort.by("productLine"), partnerId, year);
    }
}
