package com.partnernet.leads.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.partnernet.leads.directory.RoutingShop;
import com.partnernet.leads.directory.RoutingShopRepository;
import com.partnernet.leads.directory.RoutingTeam;
import com.partnernet.leads.directory.RoutingTeamRepository;
import com.partnernet.leads.lead.LeadRepository;

/**
 * What routing reads, for the leads of one transaction (a poll of leads.inbound, a REST intake, an SLA move): the
 * directory is read once, and a shop's or team's weekly count once it is locked — from then on no other
 * transaction can assign to it, so the count is kept here as this transaction assigns. Routing many leads thus costs
 * a few queries per shop, not several per lead. The reads do not flush the transaction's pending writes
 * ({@link RoutingRepository}); what this transaction assigned is added here.
 */
public final class RoutingSession {

    /** Where a lead without coordinates is placed, and what that rests on. */
    record Location(double latitude, double longitude, String source) {
    }

    private record Counted(Instant weekStart, long assigned) {
    }

    private final RoutingShopRepository shopRepository;
    private final RoutingTeamRepository teamRepository;
    private final RoutingRepository routing;
    private final LeadRepository leads;
    private Map<UUID, RoutingShop> shops;
    private Map<UUID, RoutingTeam> activeTeams;
    /** Locked targets with their exact assignments this week. */
    private final Map<UUID, Counted> locked = new HashMap<>();
    private final Map<UUID, Long> open = new HashMap<>();
    private final Map<UUID, Instant> lastAssigned = new HashMap<>();
    private final Set<UUID> lastAssignedKnown = new HashSet<>();
    /** This transaction's assignments, which the reads (not flushing first) do not see yet. */
    private final Map<UUID, Long> assignedHere = new HashMap<>();
    private final Map<UUID, Instant> lastAssignedHere = new HashMap<>();

    RoutingSession(RoutingShopRepository shops, RoutingTeamRepository teams, RoutingRepository routing,
            LeadRepository leads) {
        this.shopRepository = shops;
        this.teamRepository = teams;
        this.routing = routing;
        this.leads = leads;
    }

    /** Every shop of the directory, whatever its status. */
    Collection<RoutingShop> allShops() {
        if (shops == null) {
            shops = new LinkedHashMap<>();
            shopRepository.listAllReadOnly().forEach(shop -> shops.put(shop.shopId, shop));
        }
        return shops.values();
    }

    /** Null when the directory does not know the shop. */
    RoutingShop shop(UUID shopId) {
        allShops();
        return shops.get(shopId);
    }

    List<RoutingShop> shops(Set<UUID> shopIds) {
        return allShops().stream().filter(shop -> shopIds.contains(shop.shopId)).toList();
    }

    Collection<RoutingTeam> activeTeams() {
        if (activeTeams == null) {
            activeTeams = new LinkedHashMap<>();
            teamRepository.listActive().forEach(team -> activeTeams.put(team.teamId, team));
        }
        return activeTeams.values();
    }

    /** Assignments in the week from {@code weekStart} per target: kept ones for locked targets, read for the others. */
    Map<UUID, Long> assignedInWeek(List<UUID> targets, Instant weekStart) {
        Map<UUID, Long> counts = new HashMap<>();
        List<UUID> unknown = new ArrayList<>();
        for (UUID target : targets) {
            Counted counted = locked.get(target);
            if (counted != null && counted.weekStart().equals(weekStart)) {
                counts.put(target, counted.assigned());
            } else {
                unknown.add(target);
            }
        }
        counts.putAll(routing.assignedInWeek(unknown, weekStart));
        return counts;
    }

    /** Leads being worked per target (for fairness among equals), read once per target and kept up to date. */
    Map<UUID, Long> openLeads(RoutingRepository.Kind kind, List<UUID> targets) {
        List<UUID> unknown = targets.stream().filter(target -> !open.containsKey(target)).toList();
        if (!unknown.isEmpty()) {
            Map<UUID, Long> read = leads.openLeadsPer(kind == RoutingRepository.Kind.TEAM, unknown);
            unknown.forEach(target -> open.put(target, read.getOrDefault(target, 0L) + assignedHere.getOrDefault(target, 0L)));
        }
        return pick(targets, open::get);
    }

    /** When each target last got a lead, read once per target and kept up to date. */
    Map<UUID, Instant> lastAssigned(RoutingRepository.Kind kind, List<UUID> targets) {
        List<UUID> unknown = targets.stream().filter(target -> !lastAssignedKnown.contains(target)).toList();
        if (!unknown.isEmpty()) {
            lastAssigned.putAll(routing.lastAssigned(kind, unknown));
            lastAssigned.putAll(lastAssignedHere);
            lastAssignedKnown.addAll(unknown);
        }
        return pick(targets, lastAssigned::get);
    }

    /**
     * Locks, in one statement and in id order, the shops of the directory whose catchment covers any of these postal
     * codes, and reads their weekly counts in one more: the shops a batch of leads will most likely be routed to.
     * Locking them up front in a fixed order keeps two instances' polls from deadlocking over shops locked lead by
     * lead, and saves a lock and a count per shop. Shops routing needs beyond these are locked as it goes.
     */
    public void lockCatchmentsOf(Collection<String> postalCodes, Instant now) {
        Instant weekStart = Router.weekStart(now);
        List<UUID> covering = allShops().stream()
                .filter(shop -> !locked.containsKey(shop.shopId) && postalCodes.stream().anyMatch(shop::covers))
                .map(shop -> shop.shopId).toList();
        if (covering.isEmpty()) {
            return;
        }
        routing.lockShops(covering);
        Map<UUID, Long> counts = routing.assignedInWeek(covering, weekStart);
        covering.forEach(shopId -> locked.put(shopId, new Counted(weekStart, counts.getOrDefault(shopId, 0L))));
    }

    /**
     * Locks the target's directory row for the rest of the transaction (the first time) and says whether it has room
     * for one more lead this week; a concurrent transaction may have taken the last place before the lock.
     */
    boolean claim(RoutingRepository.Kind kind, UUID target, int capacity, Instant weekStart) {
        Counted counted = locked.get(target);
        if (counted == null || !counted.weekStart().equals(weekStart)) {
            if (counted == null) {
                if (kind == RoutingRepository.Kind.SHOP) {
                    routing.lockShops(List.of(target));
                } else {
                    routing.lockTeam(target);
                }
            }
            counted = new Counted(weekStart, routing.assignedInWeek(List.of(target), weekStart).getOrDefault(target, 0L));
            locked.put(target, counted);
        }
        return counted.assigned() < capacity;
    }

    /** The claimed target takes a lead (the caller stores its assignment in this transaction). */
    void assigned(UUID target, Instant at) {
        locked.computeIfPresent(target, (id, counted) -> new Counted(counted.weekStart(), counted.assigned() + 1));
        open.computeIfPresent(target, (id, count) -> count + 1);
        assignedHere.merge(target, 1L, Long::sum);
        lastAssignedHere.put(target, at);
        if (lastAssignedKnown.contains(target)) {
            lastAssigned.put(target, at);
        }
    }

    /**
     * Where a postal code lies when the lead has no coordinates: the centre of the directory's shops that share the
     * longest postal prefix with it (five down to two digits) — German postal codes are regional.
     */
    Optional<Location> locate(String postalCode) {
        for (int digits = 5; digits >= 2; digits--) {
            String prefix = postalCode.substring(0, digits);
            List<RoutingShop> area = allShops().stream().filter(shop -> shop.postalCode.startsWith(prefix)).toList();
            if (!area.isEmpty()) {
                double latitude = area.stream().mapToDouble(shop -> shop.latitude).average().orElseThrow();
                double longitude = area.stream().mapToDouble(shop -> shop.longitude).average().orElseThrow();
                return Optional.of(new Location(latitude, longitude, "centre of the " + area.size()
                        + " directory shop(s) in postal area " + prefix + "x".repeat(5 - digits)));
            }
        }
        return Optional.empty();
    }

    private static <V> Map<UUID, V> pick(List<UUID> targets, Function<UUID, V> value) {
        Map<UUID, V> picked = new HashMap<>();
        for (UUID target : targets) {
            V found = value.apply(target);
            if (found != null) {
                picked.put(target, found);
            }
        }
        return picked;
    }
}
