package com.partnernet.targets.attainment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jetbrains.annotations.Nullable;

import com.partnernet.chassis.time.Timestamps;
import com.partnernet.targets.annualtarget.ProductLine;
import com.partnernet.targets.annualtarget.TargetRepository;
import com.partnernet.targets.effective.EffectiveTargets;

import io.quarkus.logging.Log;

/** Sales that count toward targets (won leads, recorded sales), and attainment and pace against effective targets. */
@ApplicationScoped
public class AttainmentService {

    private final SaleRepository sales;
    private final EffectiveTargets effective;
    private final PacingReview review;
    private final TargetRepository targets;

    public AttainmentService(SaleRepository sales, EffectiveTargets effective, PacingReview review,
            TargetRepository targets) {
        this.sales = sales;
        this.effective = effective;
        this.review = review;
        this.targets = targets;
    }

    /** Midnight in Germany at the start of a day: sales are counted by the operator's calendar. */
    static Instant start(LocalDate day) {
        return day.atStartOfDay(Timestamps.BUSINESS_ZONE).toInstant();
    }

    /**
     * A won lead counts exactly once: a second LeadWon for the same lead changes nothing (a redelivered event is the
     * consumer's {@link com.partnernet.chassis.event.EventHandler}'s to skip).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void count(LeadWonPayload won) {
        if (sales.existsForLead(won.leadId())) {
            Log.debugf("Lead %s counted already", won.leadId());
            return;
        }
        Sale sale = Sale.fromLead(won);
        sales.persist(sale);
        reviewPacingAfterCommit(sale);
        Log.debugf("Sale from lead %s counts for partner %s (%s)", won.leadId(), won.partnerId(), won.productLine());
    }

    /** Records a sale once per external sale id; the same id again answers the stored sale. */
    @Transactional
    public RecordedSale record(SaleRequest request) {
        return recordAll(List.of(request)).get(0);
    }

    /**
     * {@link #record} for many sales in one transaction (a batch: one commit, the known ids read at once, not a
     * transaction and a look-up per sale); an id repeated in the list answers the sale its first row stored.
     *
     * @return per request, in order, the sale and whether it was new
     */
    @Transactional
    public List<RecordedSale> recordAll(List<SaleRequest> requests) {
        Map<String, Sale> known = sales.findByExternalIds(requests.stream().map(SaleRequest::externalSaleId)
                .collect(Collectors.toSet()));
        List<RecordedSale> recorded = new ArrayList<>(requests.size());
        for (SaleRequest request : requests) {
            Sale stored = known.get(request.externalSaleId());
            if (stored != null) {
                recorded.add(new RecordedSale(SaleView.of(stored), false));
                continue;
            }
            Sale sale = Sale.recorded(request);
            sales.persist(sale);
            known.put(sale.externalId, sale);
            reviewPacingAfterCommit(sale);
            recorded.add(new RecordedSale(SaleView.of(sale), true));
        }
        return recorded;
    }

    private void reviewPacingAfterCommit(Sale sale) {
        int year = sale.soldAt.atZone(Timestamps.BUSINESS_ZONE).getYear();
        review.reviewAfterCommit(sale.partnerId, sale.productLine, year);
    }

    /** Units per shop and week over the weeks from {@code from}'s to {@code to}'s, every week listed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WeeklySales weeklySales(Set<UUID> shopIds, LocalDate from, LocalDate to) {
        LocalDate first = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate until = to.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Map<UUID, Map<LocalDate, SaleRepository.WeekUnits>> found = new HashMap<>();
        for (SaleRepository.WeekUnits units : sales.unitsPerWeek(shopIds, first, until)) {
            found.computeIfAbsent(units.shopId(), shop -> new HashMap<>()).put(units.weekStart(), units);
        }
        List<WeeklySales.Shop> shops = new ArrayList<>();
        for (UUID shopId : shopIds) {
            Map<LocalDate, SaleRepository.WeekUnits> shop = found.getOrDefault(shopId, Map.of());
            List<WeeklySales.Week> weeks = new ArrayList<>();
            for (LocalDate week = first; week.isBefore(until); week = week.plusWeeks(1)) {
                SaleRepository.WeekUnits units = shop.get(week);
                weeks.add(new WeeklySales.Week(week, units == null ? 0 : units.units(), units == null ? 0 : units.fromLeads()));
            }
            shops.add(new WeeklySales.Shop(shopId, weeks));
        }
        return new WeeklySales(first, until.minusDays(1), shops);
    }

    /** A recorded sale, and whether this request stored it. */
    public record RecordedSale(SaleView sale, boolean created) {
    }

    public record SaleView(UUID id, String externalSaleId, @Nullable UUID leadId, UUID partnerId, @Nullable UUID shopId,
            ProductLine productLine, Instant soldAt, int units, String source) {

        static SaleView of(Sale sale) {
            return new SaleView(sale.id, sale.externalId, sale.leadId, sale.partnerId, sale.shopId, sale.productLine,
                    sale.soldAt, sale.units, sale.source);
        }
    }

    /**
     * Attainment of a partner (or one of its shops) over [from, to] as of a day: per product line (one, or every
     * line with a target or a sale) and in total.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AttainmentView attainment(UUID partnerId, UUID shopId, ProductLine productLine, LocalDate from, LocalDate to,
            LocalDate asOf) {
        LocalDate paceEnd = asOf.isBefore(to) ? asOf : to;
        List<Pace> lines = new ArrayList<>();
        double target = 0;
        double expected = 0;
        long sold = 0;
        Set<ProductLine> candidates = productLine != null ? EnumSet.of(productLine) : EnumSet.allOf(ProductLine.class);
        for (ProductLine line : candidates) {
            EffectiveTargets.Due due = effective.due(partnerId, shopId, line, from, to, paceEnd);
            double lineTarget = due.target();
            double lineExpected = due.dueByThen();
            long lineSold = paceEnd.isBefore(from) ? 0 : sales.units(partnerId, shopId, line, start(from), start(paceEnd.plusDays(1)));
            if (productLine == null && lineTarget == 0 && lineSold == 0) {
                continue;
            }
            lines.add(Pace.of(line, lineTarget, lineSold, lineExpected));
            target += lineTarget;
            expected += lineExpected;
            sold += lineSold;
        }
        return new AttainmentView(partnerId, shopId, from, to, asOf, lines, Pace.of(null, target, sold, expected));
    }

    /** Partners (or shops) with targets in a year, best attainment first, and the network's totals. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Leaderboard leaderboard(int year, ProductLine productLine, LocalDate asOf, boolean shops) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        List<TargetRepository.Holder> holders = targets.holders(year, shops, productLine);
        List<Leaderboard.Entry> entries = new ArrayList<>();
        double target = 0;
        double expected = 0;
        long sold = 0;
        Set<UUID> partners = new java.util.HashSet<>();
        for (TargetRepository.Holder holder : holders) {
            UUID partnerId = holder.partnerId();
            UUID shopId = shops ? holder.shopId() : null;
            if (!shops && !partners.add(partnerId)) {
                continue;
            }
            Pace total = attainment(partnerId, shopId, productLine, from, to, asOf).total();
            entries.add(new Leaderboard.Entry(0, partnerId, shopId, total));
            target += total.targetUnits().doubleValue();
            expected += total.expectedToDate().doubleValue();
            sold += total.soldUnits();
        }
        entries.sort(Comparator.comparing((Leaderboard.Entry entry) -> entry.pace().percentage() == null ? -1
                : entry.pace().percentage()).reversed().thenComparing(entry -> entry.partnerId().toString()));
        List<Leaderboard.Entry> ranked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Leaderboard.Entry entry = entries.get(i);
            ranked.add(new Leaderboard.Entry(i + 1, entry.partnerId(), entry.shopId(), entry.pace()));
        }
        return new Leaderboard(year, productLine, asOf, shops ? "SHOP" : "PARTNER", ranked, Pace.of(productLine, target, sold, expected));
    }
}
