package com.partnernet.targets.annualtarget;

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

    /** The targets of a partner's shops for a year and product line. */
    public List<Target> listOfShops(UUID partnerId, int year, ProductLine productLine) {
        return list("partnerId = ?1 and shopId is not null and year = ?2 and productLine = ?3", partnerId, year,
                productLine);
    }

    /** A partner's targets of a year: its own and its shops'. */
    public List<Target> listByPartner(UUID partnerId, int year) {
        return list("partnerId = ?1 and year = ?2", Sort.by("productLine").and("shopId", Sort.NullPrecedence.NULLS_FIRST),
                partnerId, year);
    }

    /** A partner with a product line it has targets for. */
    public record PartnerLine(UUID partnerId, ProductLine productLine) {
    }

    /** A partner, or one of its shops, with targets. */
    public record Holder(UUID partnerId, UUID shopId) {
    }

    /** Every partner and product line with targets in a year. */
    public List<PartnerLine> partnerLines(int year) {
        return getEntityManager().createQuery("select distinct t.partnerId, t.productLine from Target t where t.year = :year",
                Object[].class).setParameter("year", year).getResultStream()
                .map(row -> new PartnerLine((UUID) row[0], (ProductLine) row[1])).toList();
    }

    /**
     * Who holds targets in a year: partners (with {@code shopId} of each target, null for the partner's own) or, with
     * {@code shopsOnly}, only shops; of one product line or all.
     */
    public List<Holder> holders(int year, boolean shopsOnly, ProductLine productLine) {
        var query = getEntityManager().createQuery("select distinct t.partnerId, t.shopId from Target t where t.year = :year"
                + (shopsOnly ? " and t.shopId is not null" : "") + (productLine != null ? " and t.productLine = :line" : ""),
                Object[].class).setParameter("year", year);
        if (productLine != null) {
            query.setParameter("line", productLine);
        }
        return query.getResultStream().map(row -> new Holder((UUID) row[0], (UUID) row[1])).toList();
    }

    public List<TargetChange> history(UUID targetId) {
        return getEntityManager().createQuery("from TargetChange c where c.targetId = :target order by c.changedAt, c.id",
                TargetChange.class).setParameter("target", targetId).getResultList();
    }

    public void persistChange(TargetChange change) {
        getEntityManager().persist(change);
    }
}
