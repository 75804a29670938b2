package com.partnernet.partners.shop;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ShopRepository implements PanacheRepositoryBase<Shop, UUID> {

    private static final double KM_PER_DEGREE_LATITUDE = 111.32;

    /**
     * Shops matching the filter. For a radius search the database narrows to the bounding box of the circle; the
     * caller keeps those within the radius.
     */
    public PanacheQuery<Shop> search(ShopFilter filter, Sort sort) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.partnerId != null) {
            conditions.add("partnerId = :partnerId");
            parameters.and("partnerId", filter.partnerId);
        }
        if (filter.city != null && !filter.city.isBlank()) {
            conditions.add("lower(city) = :city");
            parameters.and("city", filter.city.strip().toLowerCase(Locale.ROOT));
        }
        if (filter.postalCode != null) {
            conditions.add("postalCode like :postalCode");
            parameters.and("postalCode", filter.postalCode + "%");
        }
        if (filter.format != null) {
            conditions.add("format = :format");
            parameters.and("format", filter.format);
        }
        if (filter.productLine != null) {
            conditions.add(":productLine member of productLines");
            parameters.and("productLine", filter.productLine);
        }
        if (filter.status != null) {
            conditions.add("status = :status");
            parameters.and("status", filter.status);
        }
        if (filter.isRadiusSearch()) {
            double latitudeDelta = filter.radiusKm / KM_PER_DEGREE_LATITUDE;
            double longitudeDelta = filter.radiusKm
                    / (KM_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos(Math.toRadians(filter.latitude))));
            conditions.add("latitude between :minLatitude and :maxLatitude");
            conditions.add("longitude between :minLongitude and :maxLongitude");
            parameters.and("minLatitude", filter.latitude - latitudeDelta).and("maxLatitude", filter.latitude + latitudeDelta)
                    .and("minLongitude", filter.longitude - longitudeDelta).and("maxLongitude", filter.longitude + longitudeDelta);
        }
        return conditions.isEmpty() ? findAll(sort) : find(String.join(" and ", conditions), sort, parameters);
    }
}
