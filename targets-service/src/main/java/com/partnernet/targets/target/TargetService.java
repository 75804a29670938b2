package com.partnernet.targets.target;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.partnernet.chassis.time.Timestamps;

import io.quarkus.logging.Log;

@ApplicationScoped
public class TargetService {

    /** Target years and sale dates are the operator's calendar. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Berlin");

    private final TargetRepository targets;

    public TargetService(TargetRepository targets) {
        this.targets = targets;
    }

    /** Sets (or replaces) a partner's annual target for a product line. */
    @Transactional
    public TargetView set(UUID partnerId, int year, ProductLine productLine, int units) {
        Target target = targets.find(partnerId, year, productLine).orElseGet(() -> {
            Target created = new Target();
            created.id = UUID.randomUUID();
            created.partnerId = partnerId;
            created.year = year;
            created.productLine = productLine;
            return created;
        });
        target.units = units;
        target.updatedAt = Timestamps.now();
        targets.persist(target);
        Log.infof("Target of partner %s for %s %d: %d units", partnerId, productLine, year, units);
        return TargetView.of(target);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TargetView> list(UUID partnerId, int year) {
        return targets.listByPartner(partnerId, year).stream().map(TargetView::of).toList();
    }
}
