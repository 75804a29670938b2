package com.partnernet.targets.annualtarget;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.error.ResourceNotFoundException;
import com.partnernet.chassis.security.PersonalData;
import com.partnernet.chassis.time.Timestamps;

import io.quarkus.logging.Log;

/** Annual targets of partners (and their breakdown per shop), with the history of every change. */
@ApplicationScoped
public class TargetService {


    private final TargetRepository targets;
    private final TargetsEvents events;

    public TargetService(TargetRepository targets, TargetsEvents events) {
        this.targets = targets;
        this.events = events;
    }

    /** Sets (or changes) a partner's annual target for a product line, or one shop's ({@code shopId}). */
    @Transactional
    public TargetView set(UUID partnerId, UUID shopId, int year, ProductLine productLine, TargetRequest request,
            String changedBy) {
        Target target = targets.find(partnerId, shopId, year, productLine).orElseGet(() -> {
            Target created = new Target();
            created.id = UUID.randomUUID();
            created.partnerId = partnerId;
            created.shopId = shopId;
            created.year = year;
            created.productLine = productLine;
            return created;
        });
        Integer before = target.updatedAt == null ? null : target.units;
        if (before != null && before == request.units()) {
            return TargetView.of(target);
        }
        target.units = request.units();
        target.updatedAt = Timestamps.now();
        targets.persist(target);
        TargetChange change = new TargetChange();
        change.id = UUID.randomUUID();
        change.targetId = target.id;
        change.changedAt = target.updatedAt;
        change.changedBy = changedBy;
        change.reason = request.reason();
        change.unitsBefore = before;
        change.unitsAfter = target.units;
        targets.persistChange(change);
        targets.flush();
        events.targetAdjusted(new TargetsEvents.TargetAdjusted("TARGET_SET", partnerId, shopId, productLine, year, before,
                target.units, null, null, null, null, null, change.reason, change.changedAt));
        Log.infof("Target of partner %s%s for %s %d: %s -> %d units", partnerId,
                shopId == null ? "" : " shop " + shopId, productLine, year, before, target.units);
        return TargetView.of(target);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TargetView> list(UUID partnerId, int year) {
        return targets.listByPartner(partnerId, year).stream().map(TargetView::of).toList();
    }

    /** Every change of a target, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TargetChangeView> history(UUID partnerId, UUID shopId, int year, ProductLine productLine) {
        Target target = targets.find(partnerId, shopId, year, productLine).orElseThrow(() -> new ResourceNotFoundException(
                "Target", partnerId + (shopId == null ? "" : "/" + shopId) + "/" + year + "/" + productLine));
        return targets.history(target.id).stream().map(TargetChangeView::of).toList();
    }

    /** One change, as the history shows it. */
    public record TargetChangeView(java.time.Instant changedAt, @PersonalData String changedBy, String reason, Integer unitsBefore,
            int unitsAfter) {

        static TargetChangeView of(TargetChange change) {
            return new TargetChangeView(change.changedAt, change.changedBy, change.reason, change.unitsBefore,
                    change.unitsAfter);
        }
    }
}
