package com.partnernet.targets.annualtarget;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jetbrains.annotations.Nullable;

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
        Target target = targets.find(partnerId, shopId, year, productLine)
                .orElseGet(() -> Target.of(partnerId, shopId, year, productLine));
        Optional<TargetChange> set = target.set(request.units(), changedBy, request.reason(), Timestamps.now());
        if (set.isEmpty()) {
            return TargetView.of(target);
        }
        TargetChange change = set.get();
        targets.persist(target);
        targets.persistChange(change);
        targets.flush();
        events.targetAdjusted(new TargetsEvents.TargetAdjusted("TARGET_SET", partnerId, shopId, productLine, year,
                change.unitsBefore, change.unitsAfter, null, null, null, null, null, change.reason, change.changedAt));
        Log.infof("Target of partner %s%s for %s %d: %s -> %d units", partnerId,
                shopId == null ? "" : " shop " + shopId, productLine, year, change.unitsBefore, change.unitsAfter);
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
    public record TargetChangeView(java.time.Instant changedAt, @PersonalData @Nullable String changedBy, @Nullable String reason, @Nullable Integer unitsBefore,
            int unitsAfter) {

        static TargetChangeView of(TargetChange change) {
            return new TargetChangeView(change.changedAt, change.changedBy, change.reason, change.unitsBefore,
                    change.unitsAfter);
        }
    }
}
