package com.partnernet.targets.attainment;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.targets.annualtarget.ProductLine;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SaleRepository implements PanacheRepositoryBase<Sale, UUID> {

    public boolean existsForLead(UUID leadId) {
        return count("leadId", leadId) > 0;
    }

    public Optional<Sale> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
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
