package com.partnernet.leads.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
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

/**
 * The pilot evaluation of a campaign: reads what {@link PilotStudy} needs — weekly sales from targets-service, footfall
 * from partners-service, the shops' leads and declines from this service — and lets it judge.
 */
@ApplicationScoped
public class EvaluationService {

    /** Shops per sales read: their ids in the query string stay well within a request line's 4 KB. */
    private static final int SHOPS_PER_READ = 50;

    private final CampaignService campaigns;
    private final RoutingShopRepository shops;
    private final LeadStatistics statistics;
    private final RoutingRepository routing;
    private final PartnersFootfall footfall;
    private final TargetsSales sales;
    private final EvaluationConfig config;

    public EvaluationService(CampaignService campaigns, RoutingShopRepository shops, LeadStatistics statistics,
            RoutingRepository routing, @RestClient PartnersFootfall footfall, @RestClient TargetsSales sales,
            EvaluationConfig config) {
        this.campaigns = campaigns;
        this.shops = shops;
        this.statistics = statistics;
        this.routing = routing;
        this.footfall = footfall;
        this.sales = sales;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PilotEvaluation evaluate(UUID campaignId) {
        Campaign campaign = campaigns.require(campaignId);
        LocalDate today = Timestamps.today();
        Instant now = Timestamps.now();
        PilotStudy.Weeks weeks = PilotStudy.Weeks.of(campaign.startsOn, campaign.endsOn, today, config.weeksBefore());
        Set<UUID> shopIds = new LinkedHashSet<>(campaign.shopsIn(ShopGroup.PILOT));
        shopIds.addAll(campaign.shopsIn(ShopGroup.CONTROL));

        // The leads of the pilot's days so far: pilot shops' of this campaign, control shops' all (they get none of it).
        LocalDate to = campaign.endsOn == null || campaign.endsOn.isAfter(today) ? today : campaign.endsOn;
        Instant start = campaign.startsOn.atStartOfDay(Timestamps.BUSINESS_ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Timestamps.BUSINESS_ZONE).toInstant();
        Map<UUID, List<PilotStudy.LeadRow>> leads = new HashMap<>();
        Map<UUID, Map<DeclineReason, Long>> declines = new HashMap<>();
        for (ShopGroup group : ShopGroup.values()) {
            UUID only = group == ShopGroup.PILOT ? campaign.id : null;
            for (LeadStatistics.ShopLead lead : statistics.shopLeads(campaign.shopsIn(group), start, end, only)) {
                leads.computeIfAbsent(lead.shopId(), id -> new ArrayList<>())
                        .add(new PilotStudy.LeadRow(lead.status(), lead.assignedAt(), lead.firstContactAt()));
            }
            for (RoutingRepository.DeclineCount count : routing.declinesPerShop(campaign.shopsIn(group), start, end, only)) {
                declines.computeIfAbsent(count.shopId(), id -> new EnumMap<>(DeclineReason.class))
                        .merge(count.reason(), count.declines(), Long::sum);
            }
        }

        Map<UUID, Map<LocalDate, Long>> units = weeks.isEmpty() || shopIds.isEmpty() ? Map.of() : units(shopIds, weeks);
        Map<UUID, Map<LocalDate, Long>> visitors = weeks.isEmpty() || shopIds.isEmpty() ? Map.of() : visitors(shopIds, weeks);
        List<PilotStudy.Shop> studied = new ArrayList<>();
        for (UUID shopId : shopIds) {
            RoutingShop known = shops.findById(shopId);
            studied.add(new PilotStudy.Shop(shopId, known == null ? null : known.name, campaign.shops.get(shopId),
                    units == null ? null : units.getOrDefault(shopId, Map.of()),
                    visitors == null ? null : visitors.getOrDefault(shopId, Map.of()),
                    leads.getOrDefault(shopId, List.of()), declines.getOrDefault(shopId, Map.of())));
        }
        PilotStudy.Findings findings = new PilotStudy(config, weeks, now).evaluate(studied, units != null);
        return new PilotEvaluation(campaign.id, campaign.code, campaign.status, findings.recommendation(),
                findings.conclusive(), findings.cannotConclude(), findings.rule(), PilotStudy.METHOD, weeks.periods(),
                findings.estimates(), findings.comparability(), findings.pilotLeads(), findings.controlLeads(),
                campaignLeads(campaign.id), findings.shops(),
                new PilotEvaluation.Sources(units == null ? "not available: targets-service did not answer"
                        : "targets-service, GET /sales/weekly", visitors == null
                                ? "not available: partners-service did not answer; per-visitor figures left out"
                                : "partners-service, GET /footfall/report"),
                declineWarnings(findings.shops()));
    }

    /** Units per shop and week from targets-service; null when it does not answer. */
    private Map<UUID, Map<LocalDate, Long>> units(Set<UUID> shopIds, PilotStudy.Weeks weeks) {
        try {
            Map<UUID, Map<LocalDate, Long>> units = new HashMap<>();
            List<UUID> all = List.copyOf(shopIds);
            for (int from = 0; from < all.size(); from += SHOPS_PER_READ) {
                Set<UUID> some = new LinkedHashSet<>(all.subList(from, Math.min(all.size(), from + SHOPS_PER_READ)));
                for (TargetsSales.Shop shop : sales.weekly(some, weeks.first(), weeks.last()).shops()) {
                    Map<LocalDate, Long> perWeek = units.computeIfAbsent(shop.shopId(), id -> new HashMap<>());
                    shop.weeks().forEach(week -> perWeek.put(week.weekStart(), week.units()));
                }
            }
            return units;
        } catch (RuntimeException e) {
            Log.warnf("Pilot evaluation without sales: targets-service did not answer (%s)", e.toString());
            return null;
        }
    }

    /** Counted visitors per shop and week from partners-service (weeks without a count left out); null without it. */
    private Map<UUID, Map<LocalDate, Long>> visitors(Set<UUID> shopIds, PilotStudy.Weeks weeks) {
        try {
            Map<UUID, Map<LocalDate, Long>> visitors = new HashMap<>();
            for (UUID shopId : shopIds) {
                Map<LocalDate, Long> perWeek = visitors.computeIfAbsent(shopId, id -> new HashMap<>());
                for (PartnersFootfall.Week week : footfall.report(shopId, isoWeek(weeks.first()), isoWeek(weeks.last())).weeks()) {
                    if (week.visitors() != null) {
                        perWeek.put(week.weekStart(), week.visitors());
                    }
                }
            }
            return visitors;
        } catch (RuntimeException e) {
            Log.warnf("Pilot evaluation without footfall: partners-service did not answer (%s)", e.toString());
            return null;
        }
    }

    /** The shops that declined at least the configured share of what they were given (and enough of it to tell). */
    private List<String> declineWarnings(List<PilotEvaluation.ShopResult> shopResults) {
        return shopResults.stream()
                .filter(shop -> shop.leads() + shop.declined() >= config.declineWarningMinLeads()
                        && shop.declinedPercent() != null && shop.declinedPercent() >= config.declineWarningPercent())
                .map(shop -> (shop.name() == null ? shop.shopId().toString() : shop.name()) + " (" + shop.group()
                        + ") declined " + shop.declined() + " of the " + (shop.leads() + shop.declined())
                        + " leads it was given (" + shop.declinedPercent() + " %)")
                .toList();
    }

    private PilotEvaluation.Leads campaignLeads(UUID campaignId) {
        Map<LeadStatus, Long> byStatus = statistics.perStatus(campaignId);
        long received = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long assigned = LeadStatus.PIPELINE.stream().mapToLong(status -> byStatus.getOrDefault(status, 0L)).sum();
        return new PilotEvaluation.Leads(received, assigned, byStatus.getOrDefault(LeadStatus.UNROUTED, 0L),
                byStatus.getOrDefault(LeadStatus.REJECTED_NO_CONSENT, 0L), byStatus.getOrDefault(LeadStatus.DUPLICATE, 0L));
    }

    private static String isoWeek(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
