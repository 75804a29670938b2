package com.partnernet.partners.partnerevent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PartnerEventRepository implements PanacheRepositoryBase<PartnerEvent, UUID> {

    /** The event, locked until the transaction ends: seat counting and promotion must not interleave. */
    public Optional<PartnerEvent> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public PanacheQuery<PartnerEvent> search(LocalDate from, String city, Sort sort) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (from != null) {
            conditions.add("date >= :from");
            parameters.and("from", from);
        }
        if (city != null && !city.isBlank()) {
            conditions.add("lower(city) = :city");
            parameters.and("city", city.strip().toLowerCase(Locale.ROOT));
        }
        return conditions.isEmpty() ? findAll(sort) : find(String.join(" and ", conditions), sort, parameters);
    }
}
