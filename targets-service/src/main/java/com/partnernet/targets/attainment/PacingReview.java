package com.partnernet.targets.attainment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.shutdown.Drain;
import com.partnernet.chassis.shutdown.Drained;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.targets.annualtarget.ProductLine;
import com.partnernet.targets.annualtarget.TargetRepository;
import com.partnernet.targets.annualtarget.TargetsEvents;
import com.partnernet.targets.effective.EffectiveTargets;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes what partners should hear about their targets: a milestone (50 %, 100 % of the annual effective target)
 * once, and every change of pace status. Runs after sales (one review for the sales committed while one waited) and
 * hourly (the pace moves on with the calendar).
 */
@ApplicationScoped
public class PacingReview {

    static final List<Integer> MILESTONES = List.of(50, 100);

    private final EffectiveTargets effective;
    private final SaleRepository sales;
    private final PaceRepository paces;
    private final TargetRepository targets;
    private final TargetsEvents events;
    private final TransactionSynchronizationRegistry transactions;
    private final Drain drain;
    private final CoalescingQueue<Scope> reviewsAfterSales = new CoalescingQueue<>("pacing-review");

    /** What one review covers. */
    private record Scope(UUID partnerId, ProductLine productLine, int year) {
    }

    public PacingReview(EffectiveTargets effective, SaleRepository sales, PaceRepository paces, TargetRepository targets,
            TargetsEvents events, TransactionSynchronizationRegistry transactions, Drain drain) {
        this.effective = effective;
        this.drain = drain;
        this.sales = sales;
        this.paces = paces;
        this.targets = targets;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * Reviews once the sale's transaction has committed, in a transaction of its own: a sale never fails (nor a won
     * lead ends in the dead-letter topic) because of its review; a review that fails is repeated by the hourly one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewAfterCommit(UUID partnerId, ProductLine productLine, int year) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    reviewsAfterSales.submit(new Scope(partnerId, productLine, year), () -> {
                        try {
                            QuarkusTransaction.requiringNew().run(() -> review(partnerId, productLine, year));
                        } catch (RuntimeException e) {
                            Log.warnf("Pacing review of partner %s failed, repeated within the hour: %s", partnerId, e);
                        }
                    });
                }
            }
        });
    }

    /**
     * At the start of shutdown, while the database is still there: reviews not begun yet are dropped (the periodic
     * review and the next sale repeat them) instead of failing later against a closed persistence unit.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        reviewsAfterSales.close();
    }

    /** Reviews a partner's year and product line as of today. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void review(UUID partnerId, ProductLine productLine, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        LocalDate today = Timestamps.today();
        EffectiveTargets.Due due = effective.due(partnerId, null, productLine, first, last, today);
        double target = due.target();
        if (target <= 0) {
            return;
        }
        Instant now = Timestamps.now();
        long sold = sales.units(partnerId, null, productLine, AttainmentService.start(first), AttainmentService.start(last.plusDays(1)));
        for (int milestone : MILESTONES) {
            if (sold * 100.0 >= milestone * target && paces.recordMilestone(partnerId, year, productLine, milestone, now)) {
                events.milestoneReached(new TargetsEvents.MilestoneReached(partnerId, productLine, year, milestone, sold,
                        BigDecimal.valueOf(target).setScale(2, java.math.RoundingMode.HALF_UP), now));
                Log.infof("Partner %s reached %d %% of its %s target for %d", partnerId, milestone, productLine, year);
            }
        }
        if (today.getYear() != year) {
            return;
        }
        double expected = due.dueByThen();
        long soldToDate = sales.units(partnerId, null, productLine, AttainmentService.start(first),
                AttainmentService.start(today.plusDays(1)));
        Pace pace = Pace.of(productLine, target, soldToDate, expected);
        String before = paces.lockStatus(partnerId, year, productLine).orElse(null);
        if (pace.status().name().equals(before)) {
            return;
        }
        paces.saveStatus(partnerId, year, productLine, pace.status().name(), now);
        events.paceStatusChanged(new TargetsEvents.PaceStatusChanged(partnerId, productLine, year, before,
                pace.status().name(), pace.paceRatio() == null ? null : BigDecimal.valueOf(pace.paceRatio()), now));
    }

    /**
     * Every partner's targets of this year, hourly: the expected pace grows with each day. A stopping service ends
     * with the review in hand (the next hour's run reviews every partner again).
     */
    @Drained
    @Scheduled(identity = "pacing-review", every = "${targets.pacing.review-interval}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reviewAll() {
        int year = Timestamps.today().getYear();
        List<TargetRepository.PartnerLine> scopes = QuarkusTransaction.requiringNew().call(() -> targets.partnerLines(year));
        for (TargetRepository.PartnerLine scope : scopes) {
            if (drain.stopping()) {
                return;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> review(scope.partnerId(), scope.productLine(), year));
            } catch (RuntimeException e) {
                Log.warnf("Pacing review of partner %s failed, retried next hour: %s", scope.partnerId(), e);
            }
        }
    }
}
