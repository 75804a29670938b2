package com.partnernet.partners.gathering;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    private static final Sort QUEUE_ORDER = Sort.by("registeredAt").and("id");

    public long confirmedSeats(UUID eventId) {
        Long seats = getEntityManager().createQuery(
                "select coalesce(sum(r.seats), 0) from Registration r where r.eventId = :event and r.status = :status", Long.class)
                .setParameter("event", eventId).setParameter("status", RegistrationStatus.CONFIRMED)
                .getSingleResult();
        return seats;
    }

    /** Waiting registrations, the next to be promoted first. */
    public List<Registration> waitlist(UUID eventId) {
        return list("eventId = ?1 and status = ?2", QUEUE_ORDER, eventId, RegistrationStatus.WAITLISTED);
    }

    public List<Registration> ofEvent(UUID eventId, RegistrationStatus status) {
        return status == null ? list("eventId", QUEUE_ORDER, eventId)
                : list("eventId = ?1 and status = ?2", QUEUE_ORDER, eventId, status);
    }

    public Optional<Registration> findActive(UUID eventId, UUID partnerId) {
        return find("eventId = ?1 and partnerId = ?2 and status <> ?3", eventId, partnerId, RegistrationStatus.CANCELLED)
                .firstResultOptional();
    }
}
