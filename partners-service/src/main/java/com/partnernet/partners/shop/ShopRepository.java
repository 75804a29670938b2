package com.partnernet.partners.shop;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.persistence.Conditions;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ShopRepository implements PanacheRepositoryBase<Shop, UUID> {

    private static final double KM_PER_DEGREE_LATITUDE = 111.32;

    /**
     * Shops matching the filter. For a radius search the database narrows to the bounding box of the circle; the
     * caller keeps those within the radius.
     */
    /** Those of the ids that name a shop (of the given partner only, when one is given). */
    public Set<UUID> existing(Set<UUID> shopIds, Optional<UUID> ofPartner) {
        if (shopIds.isEmpty()) {
            return Set.of();
        }
        var query = getEntityManager().createQuery("select s.id from Shop s where s.id in :ids"
                + (ofPartner.isPresent() ? " and s.partnerId = :partner" : ""), UUID.class).setParameter("ids", shopIds);
        ofPartner.ifPresent(partner -> query.setParameter("partner", partner));
        return Set.copyOf(query.getResultList());
    }

    public PanacheQuery<Shop> search(ShopFilter filter, Sort sort) {
        Conditions conditions = new Conditions()
                .where("partnerId = :partnerId", "partnerId", filter.partnerId)
                .where("lower(city) = :city", "city", Conditions.lowerCase(filter.city))
                .where("postalCode like :postalCode", "postalCode", filter.postalCode == null ? null : filter.postalCode + "%")
                .where("format = :format", "format", filter.format)
                .where(":productLine member of productLines", "productLine", filter.productLine)
                .where("status = :status", "status", filter.status);
        if (filter.isRadiusSearch()) {
            double latitudeDelta = filter.radiusKm / KM_PER_DEGREE_LATITUDE;
            double longitudeDelta = filter.radiusKm
                    / (KM_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos(Math.toRadians(filter.latitude))));
            conditions.where("latitude between :minLatitude and :maxLatitude and longitude between :minLongitude and :maxLongitude",
                    Map.of("minLatitude", filter.latitude - latitudeDelta, "maxLatitude", filter.latitude + latitudeDelta,
                            "minLongitude", filter.longitude - longitudeDelta, "maxLongitude", filter.longitude + longitudeDelta));
        }
        return conditions.find(this, sort);
    }
}
