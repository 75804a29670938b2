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

import org.hibernate.FlushMode;
import org.hibernate.query.NativeQuery;

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
        SHOP("shop_id"),
        TEAM("team_id");

        final String column;

        Kind(String column) {
            this.column = column;
        }
    }

    private final EntityManager entityManager;

    public RoutingRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Assignments since {@code since} per shop or team. */
    public Map<UUID, Long> assignedSince(Kind kind, Collection<UUID> targets, Instant since) {
        return perTarget("select " + kind.column + " as target, count(*) as value from lead_assignment where " + kind.column
                + " = any(cast(:targets as uuid[])) and assigned_at >= :since group by " + kind.column, targets, Long.class,
                Map.of("since", since));
    }

    /** Leads being worked (NEW, CONTACTED, APPOINTMENT) per shop or team. */
    public Map<UUID, Long> openLeads(Kind kind, Collection<UUID> targets) {
        return perTarget("select " + kind.column + " as target, count(*) as value from lead where " + kind.column
                + " = any(cast(:targets as uuid[])) and status = any(cast(:open as text[])) group by " + kind.column, targets,
                Long.class, Map.of("open", LeadStatus.OPEN.stream().map(Enum::name).toArray(String[]::new)));
    }

    /** When each shop or team last got a lead (round robin among equals: the longest waiting first). */
    public Map<UUID, Instant> lastAssigned(Kind kind, Collection<UUID> targets) {
        return perTarget("select " + kind.column + " as target, max(assigned_at) as value from lead_assignment where "
                + kind.column + " = any(cast(:targets as uuid[])) group by " + kind.column, targets, Instant.class, Map.of());
    }

    /** Locks the shop's directory row until the transaction ends, so two leads never take its last free place. */
    public void lock(RoutingShop shop) {
        entityManager.lock(shop, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Locks these shops' directory rows until the transaction ends, in the order of their ids (one order for all). */
    public void lockShops(List<UUID> shopIds) {
        entityManager.createNativeQuery("select shop_id from routing_shop where shop_id = any(cast(:targets as uuid[])) "
                + "order by shop_id for update").setFlushMode(FlushModeType.COMMIT).setParameter("targets", array(shopIds))
                .getResultList();
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

    /**
     * A figure per target, read by a native statement that binds the targets as one array: a JPQL {@code in :list} is
     * translated to SQL anew on every call (its parameter count varies), which cost more CPU than the statement itself.
     * It reads without flushing (see above).
     */
    @SuppressWarnings("unchecked")
    private <V> Map<UUID, V> perTarget(String sql, Collection<UUID> targets, Class<V> valueType, Map<String, Object> parameters) {
        Map<UUID, V> values = new HashMap<>();
        if (targets.isEmpty()) {
            return values;
        }
        NativeQuery<Object[]> query = entityManager.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("target", UUID.class).addScalar("value", valueType);
        query.setHibernateFlushMode(FlushMode.COMMIT).setParameter("targets", array(targets));
        parameters.forEach(query::setParameter);
        query.getResultList().forEach(row -> values.put((UUID) row[0], valueType.cast(row[1])));
        return values;
    }

    private static String[] array(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }
}
