package com.partnernet.targets.target;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TargetRepository implements PanacheRepositoryBase<Target, UUID> {

    /** The partner's own target ({@code shopId} null) or one shop's. */
    public Optional<Target> find(UUID partnerId, UUID shopId, int year, ProductLine productLine) {
        return shopId == null
                ? find("partnerId = ?1 and shopId is null and year = ?2 and productLine = ?3", partnerId, year, productLine)
                        .firstResultOptional()
                : find("shopId = ?1 and year = ?2 and productLine = ?3", shopId, year, productLine).firstResultOptional();
    }

    /** A partner's targets of a year: its own and its shops'. */
    public List<Target> listByPartner(UUID partnerId, int year) {
        return list("partnerId = ?1 and year = ?2", Sort.by("productLine").and("shopId", Sort.NullPrecedence.NULLS_FIRST),
                partnerId, year);
    }

    public List<TargetChange> history(UUID targetId) {
        return getEntityManager().createQuery("from TargetChange c where c.targetId = :target order by c.changedAt, c.id",
                TargetChange.class).setParameter("target", targetId).getResultList();
    }

    public void persistChange(TargetChange change) {
        getEntityManager().persist(change);
    }
}
