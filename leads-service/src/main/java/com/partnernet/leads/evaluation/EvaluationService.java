package com.partnernet.leads.evaluation;

import static com.partnernet.leads.evaluation.PilotStatistics.round;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.partnernet.chassis.time.Timestamps;
import com.partnernet.leads.campaign.Campaign;
import com.partnernet.leads.campaign.CampaignService;
import com.partnernet.leads.campaign.ShopGroup;
import com.partnernet.leads.directory.RoutingShop;
import com.partnernet.leads.directory.RoutingShopRepository;
import com.partnernet.leads.lead.LeadStatistics;
import com.partnernet.leads.routing.RoutingRepository;
import com.partnernet.leads.vocabulary.DeclineReason;
import com.partnernet.leads.vocabulary.LeadStatus;

import io.quarkus.logging.Log;

/** The pilot evaluation of a campaign: pilot shops against control shops, and a plain recommendation. */
@ApplicationScoped
public class EvaluationService {

    /** Footfall reports span at most this many weeks (partners-service's limit). */
    private static final int FOOTFALL_WEEKS = 157;

    private static final String DECLINED = "declined";

    private final CampaignService campaigns;
    private final RoutingShopRepository shops;
    private final LeadStatistics statistics;
    private final PartnersFootfall footfall;
    private final EvaluationConfig config;
    private final RoutingRepository routing;

    public EvaluationService(CampaignService campaigns, RoutingShopRepository shops, LeadStatistics statistics,
            @RestClient PartnersFootfall footfall, EvaluationConfig config, RoutingRepository routing) {
        this.campaigns = campaigns;
        this.shops = shops;
        this.statistics = statistics;
        this.footfall = footfall;
        this.config = config;
        this.routing = routing;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PilotEvaluation evaluate(UUID campaignId) {
        Campaign campaign = campaigns.require(campaignId);
        LocalDate today = Timestamps.today();
        LocalDate from = campaign.startsOn;
        LocalDate to = campaign.endsOn == null || campaign.endsOn.isAfter(today) ? today : campaign.endsOn;
        Instant start = from.atStartOfDay(Timestamps.BUSINESS_ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Timestamps.BUSINESS_ZONE).toInstant();

        Set<UUID> pilotShops = campaign.shopsIn(ShopGroup.PILOT);
        Set<UUID> controlShops = campaign.shopsIn(ShopGroup.CONTROL);
        Map<UUID, Map<String, Long>> pilotCounts = shopCounts(pilotShops, start, end, campaign.id);
        Map<UUID, Map<String, Long>> controlCounts = shopCounts(controlShops, start, end, null);
        addDeclines(pilotCounts, routing.declinesPerShop(pilotShops, start, end, campaign.id));
        addDeclines(controlCounts, routing.declinesPerShop(controlShops, start, end, null));
        Visitors visitors = visitors(campaign.shops.keySet(), from, to);

        List<PilotEvaluation.ShopResult> shopResults = new ArrayList<>();
        shopResults.addAll(results(pilotShops, "PILOT", pilotCounts, visitors));
        shopResults.addAll(results(controlShops, "CONTROL", controlCounts, visitors));
        PilotEvaluation.Group pilot = group(pilotShops, pilotCounts, visitors);
        PilotEvaluation.Group control = group(controlShops, controlCounts, visitors);
        PilotEvaluation.Uplift uplift = PilotStatistics.uplift(pilot, control, config.confidence());
        String rule = "ROLL_OUT when pilot and control shops each have at least " + config.minLeadsPerGroup()
                + " assigned leads and the " + percent(config.confidence()) + " confidence interval of the conversion "
                + "uplift (pilot minus control) lies above 0; STOP when it lies below 0; otherwise CONTINUE_PILOT.";
        return new PilotEvaluation(campaign.id, campaign.code, campaign.status, from, to, campaignLeads(campaign.id),
                firstContact(campaign.id), shopResults, pilot, control, uplift, PilotStatistics.recommend(pilot, control, uplift, config.minLeadsPerGroup()), rule,
                visitors.note(), declineWarnings(shopResults));
    }

    /** Declines counted per shop as {@code declined} and {@code declined:REASON}. */
    private static void addDeclines(Map<UUID, Map<String, Long>> counts, List<RoutingRepository.DeclineCount> declines) {
        for (RoutingRepository.DeclineCount count : declines) {
            Map<String, Long> shop = counts.computeIfAbsent(count.shopId(), id -> new HashMap<>());
            shop.merge(DECLINED, count.declines(), Long::sum);
            shop.merge(DECLINED + ":" + count.reason(), count.declines(), Long::sum);
        }
    }

    /** The shops that declined at least the configured share of what they were given (and enough of it to tell). */
    private List<String> declineWarnings(List<PilotEvaluation.ShopResult> shopResults) {
        return shopResults.stream()
                .filter(shop -> shop.assigned() + shop.declined() >= config.declineWarningMinLeads()
                        && shop.declinedPercent() != null && shop.declinedPercent() >= config.declineWarningPercent())
                .map(shop -> (shop.name() == null ? shop.shopId().toString() : shop.name()) + " (" + shop.group()
                        + ") declined " + shop.declined() + " of the " + (shop.assigned() + shop.declined())
                        + " leads it was given (" + shop.declinedPercent() + " %)")
                .toList();
    }

    /** Per shop: leads by status, for the campaign's leads only or (campaign null) all leads in the period. */
    private Map<UUID, Map<String, Long>> shopCounts(Collection<UUID> shopIds, Instant start, Instant end, UUID campaignId) {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        for (LeadStatistics.ShopCount count : statistics.perShopAndStatus(shopIds, start, end, campaignId)) {
            Map<String, Long> shop = counts.computeIfAbsent(count.shopId(), id -> new HashMap<>());
            shop.merge("assigned", count.leads(), Long::sum);
            shop.merge("contacted", count.contacted(), Long::sum);
            shop.merge(count.status().name(), count.leads(), Long::sum);
        }
        return counts;
    }

    private List<PilotEvaluation.ShopResult> results(Set<UUID> shopIds, String group, Map<UUID, Map<String, Long>> counts,
            Visitors visitors) {
        List<PilotEvaluation.ShopResult> results = new ArrayList<>();
        for (UUID shopId : shopIds) {
            Map<String, Long> shop = counts.getOrDefault(shopId, Map.of());
            long assigned = shop.getOrDefault("assigned", 0L);
            long won = shop.getOrDefault(LeadStatus.WON.name(), 0L);
            RoutingShop known = shops.findById(shopId);
            long declined = shop.getOrDefault(DECLINED, 0L);
            results.add(new PilotEvaluation.ShopResult(shopId, known == null ? null : known.name, group, assigned,
                    shop.getOrDefault("contacted", 0L), won, shop.getOrDefault(LeadStatus.LOST.name(), 0L),
                    assigned == 0 ? null : round(won * 100.0 / assigned, 1), visitors.perShop().get(shopId), declined,
                    assigned + declined == 0 ? null : round(declined * 100.0 / (assigned + declined), 1)));
        }
        return results;
    }

    private static PilotEvaluation.Group group(Set<UUID> shopIds, Map<UUID, Map<String, Long>> counts, Visitors visitors) {
        long assigned = counts.values().stream().mapToLong(shop -> shop.getOrDefault("assigned", 0L)).sum();
        long won = counts.values().stream().mapToLong(shop -> shop.getOrDefault(LeadStatus.WON.name(), 0L)).sum();
        boolean allCounted = !shopIds.isEmpty() && visitors.perShop().keySet().containsAll(shopIds);
        Long groupVisitors = allCounted ? shopIds.stream().mapToLong(visitors.perShop()::get).sum() : null;
        Map<DeclineReason, Long> declines = new EnumMap<>(DeclineReason.class);
        for (DeclineReason reason : DeclineReason.values()) {
            declines.put(reason, counts.values().stream().mapToLong(shop -> shop.getOrDefault(DECLINED + ":" + reason, 0L)).sum());
        }
        return new PilotEvaluation.Group(shopIds.size(), assigned, won,
                assigned == 0 ? null : round(won * 100.0 / assigned, 1),
                shopIds.isEmpty() ? null : round((double) won / shopIds.size(), 2), groupVisitors,
                groupVisitors == null || groupVisitors == 0 ? null : round(won * 1000.0 / groupVisitors, 3), declines);
    }

    private PilotEvaluation.Leads campaignLeads(UUID campaignId) {
        Map<LeadStatus, Long> byStatus = statistics.perStatus(campaignId);
        long received = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long assigned = LeadStatus.PIPELINE.stream().mapToLong(status -> byStatus.getOrDefault(status, 0L)).sum();
        return new PilotEvaluation.Leads(received, assigned, byStatus.getOrDefault(LeadStatus.UNROUTED, 0L),
                byStatus.getOrDefault(LeadStatus.REJECTED_NO_CONSENT, 0L), byStatus.getOrDefault(LeadStatus.DUPLICATE, 0L));
    }

    private PilotEvaluation.FirstContact firstContact(UUID campaignId) {
        List<Double> hours = statistics.timesToFirstContact(campaignId).stream()
                .map(time -> time.toMillis() / 3_600_000.0).sorted().toList();
        if (hours.isEmpty()) {
            return new PilotEvaluation.FirstContact(0, null, null);
        }
        double median = hours.size() % 2 == 1 ? hours.get(hours.size() / 2)
                : (hours.get(hours.size() / 2 - 1) + hours.get(hours.size() / 2)) / 2;
        return new PilotEvaluation.FirstContact(hours.size(),
                round(hours.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 2), round(median, 2));
    }

    private record Visitors(Map<UUID, Long> perShop, String note) {
    }

    /** Footfall of the campaign's shops over the period (its last 157 weeks at most), read from partners-service. */
    private Visitors visitors(Collection<UUID> shopIds, LocalDate from, LocalDate to) {
        LocalDate first = from.isBefore(to.minusWeeks(FOOTFALL_WEEKS - 1)) ? to.minusWeeks(FOOTFALL_WEEKS - 1) : from;
        Map<UUID, Long> perShop = new HashMap<>();
        try {
            for (UUID shopId : shopIds) {
                perShop.put(shopId, footfall.report(shopId, isoWeek(first), isoWeek(to)).summary().visitors());
            }
        } catch (RuntimeException e) {
            Log.warnf("Pilot evaluation without footfall: partners-service did not answer (%s)", e.toString());
            return new Visitors(Map.of(), "not available: partners-service did not answer; per-visitor figures left out");
        }
        return new Visitors(perShop, "from partners-service, ISO weeks " + isoWeek(first) + " to " + isoWeek(to));
    }

    private static String isoWeek(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + " %";
    }
}
