package com.partnernet.targets.rule;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.targets.annualtarget.ProductLine;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PeriodRuleRepository implements PanacheRepositoryBase<PeriodRule, UUID> {

    /**
     * The rules in force that touch [from, to] for a target: network-wide ones, the partner's, and (for a shop's target)
     * the shop's; of the target's product line or of all lines; oldest first.
     */
    public List<PeriodRule> findApplicable(UUID partnerId, UUID shopId, ProductLine productLine, LocalDate from,
            LocalDate to) {
        return getEntityManager().createQuery("from PeriodRule r where r.withdrawnAt is null and r.fromDay <= :to"
                + " and r.toDay >= :from and (r.productLine is null or r.productLine = :line)"
                + " and (r.scope = 'NETWORK' or (r.scope = 'PARTNER' and r.partnerId = :partner)"
                + " or (r.scope = 'SHOP' and r.shopId = :shop))"
                + " order by r.createdAt, r.id", PeriodRule.class)
                .setParameter("from", from).setParameter("to", to).setParameter("line", productLine)
                .setParameter("partner", partnerId).setParameter("shop", shopId)
                .getResultList();
    }

    /** All rules (in force or withdrawn) touching a year, of one partner (with the network's) or all; oldest first. */
    public List<PeriodRule> findTouching(int year, UUID partnerId) {
        var query = getEntityManager().createQuery("from PeriodRule r where r.fromDay <= :last and r.toDay >= :first"
                + (partnerId != null ? " and (r.scope = 'NETWORK' or r.partnerId = :partner)" : "")
                + " order by r.createdAt, r.id", PeriodRule.class)
                .setParameter("first", LocalDate.of(year, 1, 1)).setParameter("last", LocalDate.of(year, 12, 31));
        if (partnerId != null) {
            query.setParameter("partner", partnerId);
        }
        return query.getResultList();
    }
}
