package com.partnernet.partners.remodel;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.persistence.Conditions;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RemodelRepository implements PanacheRepositoryBase<Remodel, UUID> {

    public Optional<Remodel> findOpen(UUID shopId) {
        return find("shopId = ?1 and status in ?2", shopId, RemodelStatus.OPEN).firstResultOptional();
    }

    public PanacheQuery<Remodel> search(UUID partnerId, UUID shopId, RemodelStatus status, Sort sort) {
        return new Conditions()
                .where("partnerId = :partnerId", "partnerId", partnerId)
                .where("shopId = :shopId", "shopId", shopId)
                .where("status = :status", "status", status)
                .find(this, sort);
    }

    /** Remodels in a status whose {@code dateProperty} falls in [from, to], for the whole network or one partner. */
    public long count(RemodelStatus status, String dateProperty, LocalDate from, LocalDate to, UUID partnerId) {
        return find(query(status, dateProperty, partnerId), parameters(status, from, to, partnerId)).count();
    }

    /** Plans starting in [startFrom, startTo] and planned to end by {@code endBy}. */
    public long countPlanned(LocalDate startFrom, LocalDate startTo, LocalDate endBy, UUID partnerId) {
        return find(query(RemodelStatus.PLANNED, "plannedStart", partnerId) + " and plannedEnd <= :endBy",
                parameters(RemodelStatus.PLANNED, startFrom, startTo, partnerId).and("endBy", endBy)).count();
    }

    /** How many days a remodel is planned to take, on average (four weeks before any is planned). */
    public long typicalDays() {
        Number days = (Number) getEntityManager()
                .createNativeQuery("select avg(planned_end - planned_start + 1) from remodel").getSingleResult();
        return days == null ? 28 : Math.round(days.doubleValue());
    }

    public Optional<LocalDate> firstPlannedStart(LocalDate from, LocalDate to, UUID partnerId) {
        return find(query(RemodelStatus.PLANNED, "plannedStart", partnerId),
                Sort.by("plannedStart"), parameters(RemodelStatus.PLANNED, from, to, partnerId))
                .firstResultOptional().map(remodel -> remodel.plannedStart);
    }

    private static String query(RemodelStatus status, String dateProperty, UUID partnerId) {
        return "status = :status and " + dateProperty + " between :from and :to"
                + (partnerId != null ? " and partnerId = :partnerId" : "");
    }

    private static Parameters parameters(RemodelStatus status, LocalDate from, LocalDate to, UUID partnerId) {
        Parameters parameters = Parameters.with("status", status).and("from", from).and("to", to);
        return partnerId != null ? parameters.and("partnerId", partnerId) : parameters;
    }
}
