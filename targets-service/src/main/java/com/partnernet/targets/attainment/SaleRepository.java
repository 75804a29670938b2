package com.partnernet.targets.attainment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.time.Timestamps;
import com.partnernet.targets.annualtarget.ProductLine;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SaleRepository implements PanacheRepositoryBase<Sale, UUID> {

    public boolean existsForLead(UUID leadId) {
        return count("leadId", leadId) > 0;
    }

    /** The sales recorded under these external ids, by external id. */
    public Map<String, Sale> findByExternalIds(Collection<String> externalIds) {
        Map<String, Sale> found = new HashMap<>();
        if (!externalIds.isEmpty()) {
            list("externalId in ?1", externalIds).forEach(sale -> found.put(sale.externalId, sale));
        }
        return found;
    }

    /** One shop's sales in one week (Monday in German time). */
    public record WeekUnits(UUID shopId, LocalDate weekStart, long units, long fromLeads) {
    }

    /** The shops' units per week from {@code from} (a Monday) to the week before {@code until} (a Monday). */
    public List<WeekUnits> unitsPerWeek(Collection<UUID> shopIds, LocalDate from, LocalDate until) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select shop_id, cast(date_trunc('week', sold_at at time zone :zone) as date), sum(units),
                       sum(case when source = :lead then units else 0 end)
                from sale where shop_id in (:shops) and sold_at >= :from and sold_at < :until
                group by 1, 2""", Object[].class)
                .setParameter("zone", Timestamps.BUSINESS_ZONE.getId()).setParameter("lead", Sale.FROM_LEAD)
                .setParameter("shops", shopIds)
                .setParameter("from", AttainmentService.start(from)).setParameter("until", AttainmentService.start(until))
                .getResultList();
        return rows.stream().map(row -> new WeekUnits((UUID) row[0], (LocalDate) row[1], ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue())).toList();
    }

    /** Units a partner ({@code shopId} null) or one of its shops sold in a product line in [from, to). */
    public long units(UUID partnerId, UUID shopId, ProductLine productLine, Instant from, Instant to) {
        var query = getEntityManager().createQuery("select coalesce(sum(s.units), 0) from Sale s where s.partnerId = :partner"
                + (shopId != null ? " and s.shopId = :shop" : "")
                + " and s.productLine = :line and s.soldAt >= :from and s.soldAt < :to", Long.class)
                .setParameter("partner", partnerId).setParameter("line", productLine)
                .setParameter("from", from).setParameter("to", to);
        if (shopId != null) {
            query.setParameter("shop", shopId);
        }
        return query.getSingleResult();
    }
}
