package com.partnernet.partners.fieldsales;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.persistence.Conditions;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class FieldRepRepository implements PanacheRepositoryBase<FieldRep, UUID> {

    public PanacheQuery<FieldRep> search(UUID teamId, LocalDate activeOn, RepSource source, Sort sort) {
        return new Conditions()
                .where("teamId = :teamId", "teamId", teamId)
                .where("startDate <= :day and (endDate is null or endDate >= :day)", "day", activeOn)
                .where("source = :source", "source", source)
                .find(this, sort);
    }

    /** Reps of the teams who work on some day between {@code from} and {@code to}. */
    public List<FieldRep> workingBetween(Collection<UUID> teamIds, LocalDate from, LocalDate to) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return list("teamId in :teams and startDate <= :to and (endDate is null or endDate >= :from)",
                Parameters.with("teams", teamIds).and("from", from).and("to", to));
    }
}
