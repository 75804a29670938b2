package com.partnernet.leads.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;

import com.partnernet.leads.directory.RoutingShop;
import com.partnernet.leads.directory.RoutingTeam;
import com.partnernet.leads.lead.LeadStatus;

/**
 * What routing reads beyond the directory: the targets' load, and a lead's assignments and decisions. The load is read
 * without flushing the transaction's pending writes first: routing reads a target's load before it assigns to it in
 * this transaction and keeps it from then on ({@link RoutingSession}), so pending writes cannot change what it reads,
 * and a flush per lead would check every entity the transaction holds (quadratic in a poll of leads).
 */
@ApplicationScoped
public class RoutingRepository {

    /** Which kind of target a count is about. */
    public enum Kind {
        SHOP("shopId"),
        TEAM("teamId");

        final String property;

        Kind(String property) {
            this.property = property;
        }
    }

    private final EntityManager entityManager;

    public RoutingRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Assignments since {@code since} per shop or team. */
    public Map<UUID, Long> assignedSince(Kind kind, Collection<UUID> targets, Instant since) {
        if (targets.isEmpty()) {
            return Map.of();
        }
        return counts(entityManager.createQuery("select a." + kind.property + ", count(a) from LeadAssignment a where a."
                + kind.property + " in :targets and a.assignedAt >= :since group by a." + kind.property, Object[].class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("targets", targets).setParameter("since", since).getResultList());
    }

    /** Leads being worked (NEW, CONTACTED, APPOINTMENT) per shop or team. */
    public Map<UUID, Long> openLeads(Kind kind, Collection<UUID> targets) {
        if (targets.isEmpty()) {
            return Map.of();
        }
        return counts(entityManager.createQuery("select l." + kind.property + ", count(l) from Lead l where l."
                + kind.property + " in :targets and l.status in :open group by l." + kind.property, Object[].class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("targets", targets).setParameter("open", LeadStatus.OPEN).getResultList());
    }

    /** When each shop or team last got a lead (round robin among equals: the longest waiting first). */
    public Map<UUID, Instant> lastAssigned(Kind kind, Collection<UUID> targets) {
        if (targets.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Instant> last = new HashMap<>();
        entityManager.createQuery("select a." + kind.property + ", max(a.assignedAt) from LeadAssignment a where a."
                + kind.property + " in :targets group by a." + kind.property, Object[].class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("targets", targets).getResultList()
                .forEach(row -> last.put((UUID) row[0], (Instant) row[1]));
        return last;
    }

    /** Locks the shop's directory row until the transaction ends, so two leads never take its last free place. */
    public void lock(RoutingShop shop) {
        entityManager.lock(shop, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Locks these shops' directory rows until the transaction ends, in the database's order of their ids (one order for all). */
    public void lockShops(List<UUID> shopIds) {
        entityManager.createQuery("select s from RoutingShop s where s.shopId in :ids order by s.shopId", RoutingShop.class)
                .setParameter("ids", shopIds).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    public void lock(RoutingTeam team) {
        entityManager.lock(team, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The lead's current assignment, if it has one. */
    public Optional<LeadAssignment> currentAssignment(UUID leadId) {
        return entityManager.createQuery("from LeadAssignment a where a.leadId = :lead and a.endedAt is null", LeadAssignment.class)
                .setParameter("lead", leadId).getResultStream().findFirst();
    }

    /** Shops and teams that let this lead's first-contact SLA lapse: they are not offered it again. */
    public Set<UUID> breachedBy(UUID leadId) {
        return entityManager.createQuery("select coalesce(a.shopId, a.teamId) from LeadAssignment a where a.leadId = :lead"
                + " and a.endReason = :breach", UUID.class)
                .setParameter("lead", leadId).setParameter("breach", LeadAssignment.SLA_BREACH)
                .getResultStream().collect(Collectors.toSet());
    }

    public List<RoutingDecision> decisions(UUID leadId) {
        return entityManager.createQuery("from RoutingDecision d where d.leadId = :lead order by d.decidedAt, d.id",
                RoutingDecision.class).setParameter("lead", leadId).getResultList();
    }

    public void persist(Object entity) {
        entityManager.persist(entity);
    }

    private static Map<UUID, Long> counts(List<Object[]> rows) {
        Map<UUID, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
        return counts;
    }
}
