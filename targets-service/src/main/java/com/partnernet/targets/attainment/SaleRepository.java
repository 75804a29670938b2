package com.partnernet.targets.attainment;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.targets.target.ProductLine;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SaleRepository implements PanacheRepositoryBase<Sale, UUID> {

    public boolean existsForLead(UUID leadId) {
        return count("leadId", leadId) > 0;
    }

    /** Units sold per product line in [from, to). */
    public Map<ProductLine, Long> unitsByProductLine(UUID partnerId, Instant from, Instant to) {
        Map<ProductLine, Long> units = new EnumMap<>(ProductLine.class);
        getEntityManager().createQuery("""
                select s.productLine, count(s) from Sale s
                where s.partnerId = :partnerId and s.soldAt >= :from and s.soldAt < :to
                group by s.productLine""", Object[].class)
                .setParameter("partnerId", partnerId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()
                .forEach(row -> units.put((ProductLine) row[0], (Long) row[1]));
        return units;
    }
}
