package com.partnernet.leads.lead;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The stored leads among {@code sourceKeys} (see {@link Lead#sourceKey}), by that key. */
    public Map<String, Lead> findBySourceKeys(Collection<String> sourceKeys, Collection<String> sources,
            Collection<String> externalIds) {
        Map<String, Lead> found = new HashMap<>();
        if (!sourceKeys.isEmpty()) {
            list("source in ?1 and externalId in ?2", sources, externalIds).stream()
                    .filter(lead -> sourceKeys.contains(Lead.sourceKey(lead.source, lead.externalId)))
                    .forEach(lead -> found.put(Lead.sourceKey(lead.source, lead.externalId), lead));
        }
        return found;
    }

    public Optional<Lead> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Open leads received since {@code since} of anyone with one of these e-mail addresses or phone numbers. */
    public List<Lead> findOpenOfPersons(Collection<String> emails, Collection<String> phones, Instant since) {
        if (emails.isEmpty() && phones.isEmpty()) {
            return List.of();
        }
        // An empty list cannot be bound to "in": a value no normalised address or number takes stands in for it.
        return list("status in :open and receivedAt >= :since and (emailNormalized in :emails or phoneE164 in :phones)",
                Parameters.with("open", LeadStatus.OPEN).and("since", since)
                        .and("emails", emails.isEmpty() ? List.of("") : emails)
                        .and("phones", phones.isEmpty() ? List.of("") : phones));
    }

    /**
     * Serialises intake per person: a second lead of the same e-mail or phone waits until the first is committed, so
     * both are never assigned. Keys are locked in a fixed order in one statement, so two intakes never wait for each
     * other.
     */
    public void lockPersons(Collection<String> personKeys) {
        if (!personKeys.isEmpty()) {
            getEntityManager().createNativeQuery("select count(*) from (select k, pg_advisory_xact_lock(hashtext(k)) from "
                    + "(select distinct k from unnest(cast(:keys as text[])) k order by k) sorted) locked")
                    .setParameter("keys", personKeys.toArray(String[]::new))
                    .getSingleResult();
        }
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
