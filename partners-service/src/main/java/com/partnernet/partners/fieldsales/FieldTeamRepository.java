package com.partnernet.partners.fieldsales;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class FieldTeamRepository implements PanacheRepositoryBase<FieldTeam, UUID> {

    public PanacheQuery<FieldTeam> search(FieldTeamFilter filter, Sort sort) {
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
        if (filter.productLine != null) {
            conditions.add(":productLine member of productFocus");
            parameters.and("productLine", filter.productLine);
        }
        if (filter.status != null) {
            conditions.add("status = :status");
            parameters.and("status", filter.status);
        }
        return conditions.isEmpty() ? findAll(sort) : find(String.join(" and ", conditions), sort, parameters);
    }

    public Optional<FieldTeam> findActiveInCity(UUID partnerId, String city) {
        return find("partnerId = ?1 and lower(city) = ?2 and status = ?3", partnerId, city.strip().toLowerCase(Locale.ROOT),
                FieldTeamStatus.ACTIVE).firstResultOptional();
    }
}
