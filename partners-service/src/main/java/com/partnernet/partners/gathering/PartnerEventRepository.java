package com.partnernet.partners.gathering;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.partnernet.chassis.persistence.Conditions;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PartnerEventRepository implements PanacheRepositoryBase<PartnerEvent, UUID> {

    /** The event, locked until the transaction ends: seat counting and promotion must not interleave. */
    public Optional<PartnerEvent> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public PanacheQuery<PartnerEvent> search(LocalDate from, String city, Sort sort) {
        return new Conditions()
                .where("date >= :from", "from", from)
                .where("lower(city) = :city", "city", Conditions.lowerCase(city))
                .find(this, sort);
    }
}
