package com.partnernet.leads.lead;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.partnernet.chassis.persistence.Conditions;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    public Optional<Lead> findBySource(String source, String externalId) {
        return find("source = ?1 and externalId = ?2", source, externalId).firstResultOptional();
    }

    public Optional<Lead> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The earliest open lead of the same person (same e-mail or phone) about the same product line since a moment. */
    public Optional<Lead> findOpenOfPerson(String email, String phone, ProductLine productLine, Instant since) {
        return find("productLine = :line and status in :open and receivedAt >= :since"
                + " and (emailNormalized = :email or phoneE164 = :phone)", Sort.by("receivedAt").and("id"),
                Parameters.with("line", productLine).and("open", LeadStatus.OPEN).and("since", since)
                        .and("email", email == null ? "" : email).and("phone", phone == null ? "" : phone))
                .firstResultOptional();
    }

    /**
     * Serialises intake per person: a second lead of the same e-mail or phone waits until the first is committed, so
     * both are never assigned. Keys are locked in a fixed order, so two intakes never wait for each other.
     */
    public void lockPerson(String email, String phone) {
        List.of(email == null ? "" : "email:" + email, phone == null ? "" : "phone:" + phone).stream()
                .filter(key -> !key.isEmpty()).sorted()
                .forEach(key -> getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                        .setParameter("key", key).getSingleResult());
    }

    public PanacheQuery<Lead> search(LeadStatus status, String campaign, UUID shopId, UUID teamId, UUID partnerId,
            Sort sort) {
        return new Conditions()
                .where("status = :status", "status", status)
                .where("campaign = :campaign", "campaign", campaign)
                .where("shopId = :shopId", "shopId", shopId)
                .where("teamId = :teamId", "teamId", teamId)
                .where("partnerId = :partnerId", "partnerId", partnerId)
                .find(this, sort);
    }

    /** NEW leads whose first-contact time has passed. */
    public List<UUID> slaBreachedIds(Instant now, int limit) {
        return find("status = ?1 and slaDueAt < ?2", Sort.by("slaDueAt").and("id"), LeadStatus.NEW, now)
                .page(0, limit).project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    /** Projection of a lead to its id. */
    public record IdOnly(UUID id) {
    }
}
