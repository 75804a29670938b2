package com.partnernet.leads.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.geo.Distance;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.leads.campaign.Campaign;
import com.partnernet.leads.campaign.CampaignStatus;
import com.partnernet.leads.vocabulary.Segment;
import com.partnernet.leads.campaign.ShopGroup;
import com.partnernet.leads.directory.RoutingShop;
import com.partnernet.leads.directory.RoutingShopRepository;
import com.partnernet.leads.directory.RoutingTeam;
import com.partnernet.leads.directory.RoutingTeamRepository;
import com.partnernet.leads.lead.LeadRepository;
import com.partnernet.leads.vocabulary.ProductLine;

/**
 * Chooses who works a lead, first match wins, and writes down why (see {@link RoutingStep}). Every step skips
 * shops that are closed, do not offer the product line or serve the segment, are at their weekly capacity, or
 * declined this lead or let its first-contact SLA lapse before. A pilot campaign's leads go to its pilot shops only, so its control
 * shops stay a clean comparison; other campaigns' leads may go to any shop.
 */
@ApplicationScoped
public class Router {

    private static final int SKIPS_SHOWN_PER_STEP = 20;

    /**
     * What routing needs to know about a lead.
     *
     * @param passedOn the shops and teams that may not get it again, and why (they declined it or let its SLA lapse)
     */
    public record Request(Campaign campaign, UUID namedShopId, ProductLine productLine, Segment segment, String postalCode,
            Double latitude, Double longitude, Map<UUID, String> passedOn, Instant now) {
    }

    /** The outcome, the reason stored on the lead, and the whole trail. */
    public record Decision(RoutingDecision.Outcome outcome, RoutingShop shop, RoutingTeam team, String reason,
            List<TrailEntry> trail) {
    }

    private final RoutingShopRepository shops;
    private final RoutingTeamRepository teams;
    private final RoutingRepository routing;
    private final LeadRepository leads;
    private final RoutingConfig config;

    public Router(RoutingShopRepository shops, RoutingTeamRepository teams, RoutingRepository routing, LeadRepository leads,
            RoutingConfig config) {
        this.shops = shops;
        this.teams = teams;
        this.routing = routing;
        this.leads = leads;
        this.config = config;
    }

    /** The reads of one transaction's routing: start one per transaction and route all its leads with it. */
    public RoutingSession session() {
        return new RoutingSession(shops, teams, routing, leads);
    }

    public Decision route(RoutingSession session, Request request) {
        Trail trail = new Trail();
        Instant weekStart = weekStart(request.now());

        Optional<Decision> named = namedShop(session, request, weekStart, trail);
        if (named.isPresent()) {
            return named.get();
        }

        List<RoutingShop> pool = campaignShops(session, request.campaign(), trail);

        List<RoutingShop> covering = pool.stream().filter(shop -> shop.covers(request.postalCode())).toList();
        if (covering.isEmpty()) {
            trail.note(RoutingStep.CAMPAIGN_CATCHMENT, "no campaign shop's catchment covers " + request.postalCode());
        }
        List<RoutingShop> eligible = eligibleShops(session, RoutingStep.CAMPAIGN_CATCHMENT, covering, request, weekStart, trail);
        Optional<Decision> byCatchment = claimShop(session, RoutingStep.CAMPAIGN_CATCHMENT, fairestShops(session, eligible, trail),
                shop -> "catchment covers postal code " + request.postalCode(), request, trail);
        if (byCatchment.isPresent()) {
            return byCatchment.get();
        }

        Optional<Decision> nearest = nearestShop(session, request, pool, weekStart, trail);
        if (nearest.isPresent()) {
            return nearest.get();
        }

        Optional<Decision> team = fieldTeam(session, request, weekStart, trail);
        if (team.isPresent()) {
            return team.get();
        }
        trail.note(RoutingStep.UNROUTED, "no shop or field team can take the lead; it waits in the ops queue");
        return new Decision(RoutingDecision.Outcome.UNROUTED, null, null,
                "no eligible shop or field team for " + request.productLine() + " in " + request.postalCode(), trail.entries());
    }

    /** Monday 00:00 in Germany of the week {@code now} falls in. */
    public static Instant weekStart(Instant now) {
        LocalDate monday = now.atZone(Timestamps.BUSINESS_ZONE).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return monday.atStartOfDay(Timestamps.BUSINESS_ZONE).toInstant();
    }

    private Optional<Decision> namedShop(RoutingSession session, Request request, Instant weekStart, Trail trail) {
        UUID named = request.namedShopId() != null ? request.namedShopId()
                : request.campaign() != null ? request.campaign().namedShopId : null;
        if (named == null) {
            return Optional.empty();
        }
        String namedBy = request.namedShopId() != null ? "the lead" : "its campaign";
        RoutingShop shop = session.shop(named);
        if (shop == null) {
            trail.skip(RoutingStep.NAMED_SHOP, named, null, "named by " + namedBy + " but not in the shop directory");
            return Optional.empty();
        }
        List<RoutingShop> eligible = eligibleShops(session, RoutingStep.NAMED_SHOP, List.of(shop), request, weekStart, trail);
        return claimShop(session, RoutingStep.NAMED_SHOP, eligible, candidate -> "named by " + namedBy, request, trail);
    }

    private List<RoutingShop> campaignShops(RoutingSession session, Campaign campaign, Trail trail) {
        if (campaign != null && campaign.status == CampaignStatus.PILOT) {
            Set<UUID> pilots = campaign.shopsIn(ShopGroup.PILOT);
            trail.note(RoutingStep.CAMPAIGN_CATCHMENT, "pilot campaign " + campaign.code + ": only its " + pilots.size()
                    + " pilot shop(s) take its leads");
            return session.shops(pilots);
        }
        return List.copyOf(session.allShops());
    }

    private Optional<Decision> nearestShop(RoutingSession session, Request request, List<RoutingShop> pool, Instant weekStart,
            Trail trail) {
        Optional<RoutingSession.Location> location = request.latitude() != null && request.longitude() != null
                ? Optional.of(new RoutingSession.Location(request.latitude(), request.longitude(), "the lead's coordinates"))
                : session.locate(request.postalCode());
        if (location.isEmpty()) {
            trail.note(RoutingStep.NEAREST_SHOP, "no location: the lead has no coordinates and no directory shop shares "
                    + "its postal area " + request.postalCode().substring(0, 2) + "xxx");
            return Optional.empty();
        }
        RoutingSession.Location from = location.get();
        // A customer's own coordinates are personal data: the trail (kept after an erasure, read by ops) names only
        // where they came from; a postal area's centre is no one's address and is shown.
        trail.note(RoutingStep.NEAREST_SHOP, request.latitude() != null
                ? "location from " + from.source()
                : String.format(Locale.ROOT, "location %.4f, %.4f from %s", from.latitude(), from.longitude(), from.source()));
        Function<RoutingShop, Double> distance = shop -> Distance.km(from.latitude(), from.longitude(), shop.latitude,
                shop.longitude);
        List<RoutingShop> inRadius = pool.stream().filter(shop -> distance.apply(shop) <= config.radiusKm())
                .sorted(Comparator.comparing(distance)).toList();
        if (inRadius.isEmpty()) {
            trail.note(RoutingStep.NEAREST_SHOP, "no campaign shop within " + km(config.radiusKm()));
            return Optional.empty();
        }
        List<RoutingShop> eligible = eligibleShops(session, RoutingStep.NEAREST_SHOP, inRadius, request, weekStart, trail);
        if (eligible.isEmpty()) {
            return Optional.empty();
        }
        double nearest = distance.apply(eligible.get(0));
        List<RoutingShop> equals = eligible.stream()
                .filter(shop -> distance.apply(shop) <= nearest + config.equalDistanceKm()).toList();
        List<RoutingShop> rest = eligible.stream().filter(shop -> !equals.contains(shop)).toList();
        List<RoutingShop> preference = new ArrayList<>(fairestShops(session, equals, trail));
        preference.addAll(rest);
        return claimShop(session, RoutingStep.NEAREST_SHOP, preference,
                shop -> "nearest eligible shop, " + km(distance.apply(shop)) + " from " + from.source(), request, trail);
    }

    private Optional<Decision> fieldTeam(RoutingSession session, Request request, Instant weekStart, Trail trail) {
        LocalDate today = request.now().atZone(Timestamps.BUSINESS_ZONE).toLocalDate();
        List<RoutingTeam> covering = session.activeTeams().stream().filter(team -> team.covers(request.postalCode())).toList();
        if (covering.isEmpty()) {
            trail.note(RoutingStep.FIELD_TEAM, "no field team covers " + request.postalCode());
            return Optional.empty();
        }
        Map<UUID, Long> load = session.assignedInWeek(covering.stream().map(t -> t.teamId).toList(), weekStart);
        List<RoutingTeam> eligible = new ArrayList<>();
        for (RoutingTeam team : covering) {
            String skip = RoutingRules.teamSkip(team, request, today, load.getOrDefault(team.teamId, 0L));
            if (skip != null) {
                trail.skip(RoutingStep.FIELD_TEAM, team.teamId, team.name, skip);
            } else {
                eligible.add(team);
            }
        }
        List<RoutingTeam> preference = fairest(session, RoutingRepository.Kind.TEAM, eligible, team -> team.teamId,
                team -> team.weeklyLeadCapacity, team -> team.name, trail);
        return claim(session, RoutingRepository.Kind.TEAM, RoutingStep.FIELD_TEAM, preference, team -> team.teamId,
                team -> team.weeklyLeadCapacity, team -> team.name,
                team -> new Decision(RoutingDecision.Outcome.FIELD_TEAM, null, team, "field team " + team.name + " in "
                        + team.city + " covers " + request.postalCode() + " and promotes " + request.productLine(), null),
                request, trail);
    }

    /** The candidates that may take the lead; this week's load is read for them only (not for the whole directory). */
    private List<RoutingShop> eligibleShops(RoutingSession session, RoutingStep step, List<RoutingShop> candidates,
            Request request, Instant weekStart, Trail trail) {
        List<RoutingShop> eligible = new ArrayList<>();
        Map<UUID, Long> load = candidates.isEmpty() ? Map.of()
                : session.assignedInWeek(candidates.stream().map(shop -> shop.shopId).toList(), weekStart);
        for (RoutingShop shop : candidates) {
            String skip = RoutingRules.shopSkip(shop, request, load.getOrDefault(shop.shopId, 0L));
            if (skip != null) {
                trail.skip(step, shop.shopId, shop.name, skip);
            } else {
                eligible.add(shop);
            }
        }
        return eligible;
    }

    /** The first shop of {@code preference} that still has room once locked. */
    private Optional<Decision> claimShop(RoutingSession session, RoutingStep step, List<RoutingShop> preference,
            Function<RoutingShop, String> reason, Request request, Trail trail) {
        return claim(session, RoutingRepository.Kind.SHOP, step, preference, shop -> shop.shopId,
                shop -> shop.weeklyLeadCapacity, shop -> shop.name,
                shop -> new Decision(RoutingDecision.Outcome.SHOP, shop, null, reason.apply(shop), null), request, trail);
    }

    private List<RoutingShop> fairestShops(RoutingSession session, List<RoutingShop> equals, Trail trail) {
        return fairest(session, RoutingRepository.Kind.SHOP, equals, shop -> shop.shopId, shop -> shop.weeklyLeadCapacity,
                shop -> shop.name, trail);
    }

    /** Orders equal candidates fairly ({@link RoutingRules#fairest}) and notes the order in the trail. */
    private <T> List<T> fairest(RoutingSession session, RoutingRepository.Kind kind, List<T> candidates, Function<T, UUID> id,
            Function<T, Integer> capacity, Function<T, String> name, Trail trail) {
        if (candidates.size() < 2) {
            return candidates;
        }
        List<UUID> ids = candidates.stream().map(id).toList();
        Map<UUID, Long> open = session.openLeads(kind, ids);
        Map<UUID, Instant> last = session.lastAssigned(kind, ids);
        List<T> ordered = RoutingRules.fairest(candidates, id, capacity, open, last);
        StringBuilder note = new StringBuilder(candidates.size() + " equal candidates, fewest open leads per weekly "
                + "capacity first, then the longest without a lead:");
        for (T candidate : ordered) {
            note.append(' ').append(name.apply(candidate)).append(" (").append(open.getOrDefault(id.apply(candidate), 0L))
                    .append('/').append(capacity.apply(candidate)).append(')');
        }
        trail.note(RoutingStep.FAIRNESS, note.toString());
        return ordered;
    }

    /** Takes the first candidate that still has room once locked; a concurrent lead may have taken the last place. */
    private <T> Optional<Decision> claim(RoutingSession session, RoutingRepository.Kind kind, RoutingStep step,
            List<T> preference, Function<T, UUID> id, Function<T, Integer> capacity, Function<T, String> name,
            Function<T, Decision> decision, Request request, Trail trail) {
        for (T candidate : preference) {
            if (!session.claim(kind, id.apply(candidate), capacity.apply(candidate), weekStart(request.now()))) {
                trail.skip(step, id.apply(candidate), name.apply(candidate), "reached its weekly capacity meanwhile");
                continue;
            }
            session.assigned(id.apply(candidate), request.now());
            Decision chosen = decision.apply(candidate);
            trail.chosen(step, id.apply(candidate), name.apply(candidate), chosen.reason());
            return Optional.of(new Decision(chosen.outcome(), chosen.shop(), chosen.team(), chosen.reason(), trail.entries()));
        }
        return Optional.empty();
    }

    private static String km(double distance) {
        return String.format(Locale.ROOT, "%.1f km", distance);
    }

    /** The trail being written; long lists of skipped candidates are cut per step. */
    private static final class Trail {

        private final List<TrailEntry> entries = new ArrayList<>();
        private final Map<RoutingStep, Integer> skips = new EnumMap<>(RoutingStep.class);

        void note(RoutingStep step, String reason) {
            entries.add(new TrailEntry(step, null, null, TrailEntry.NOTE, reason));
        }

        void skip(RoutingStep step, UUID target, String name, String reason) {
            int count = skips.merge(step, 1, Integer::sum);
            if (count <= SKIPS_SHOWN_PER_STEP) {
                entries.add(new TrailEntry(step, target, name, TrailEntry.SKIPPED, reason));
            }
        }

        void chosen(RoutingStep step, UUID target, String name, String reason) {
            entries.add(new TrailEntry(step, target, name, TrailEntry.CHOSEN, reason));
        }

        List<TrailEntry> entries() {
            List<TrailEntry> all = new ArrayList<>(entries);
            skips.forEach((step, count) -> {
                if (count > SKIPS_SHOWN_PER_STEP) {
                    all.add(new TrailEntry(step, null, null, TrailEntry.NOTE, (count - SKIPS_SHOWN_PER_STEP)
                            + " more candidates skipped"));
                }
            });
            return List.copyOf(all);
        }
    }
}
