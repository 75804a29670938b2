package com.partnernet.partners.fieldsales;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.persistence.Conditions;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class FieldTeamRepository implements PanacheRepositoryBase<FieldTeam, UUID> {

    public PanacheQuery<FieldTeam> search(FieldTeamFilter filter, Sort sort) {
        return new Conditions()
                .where("partnerId = :partnerId", "partnerId", filter.partnerId)
                .where("lower(city) = :city", "city", Conditions.lowerCase(filter.city))
                .where(":productLine member of productFocus", "productLine", filter.productLine)
                .where("status = :status", "status", filter.status)
                .find(this, sort);
    }

    public Optional<FieldTeam> findActiveInCity(UUID partnerId, String city) {
        return find("partnerId = ?1 and lower(city) = ?2 and status = ?3", partnerId, Conditions.lowerCase(city),
                FieldTeamStatus.ACTIVE).firstResultOptional();
    }
}
