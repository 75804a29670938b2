package com.partnernet.targets.annualtarget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.partnernet.chassis.outbox.Outbox;

/**
 * What targets-service publishes on {@value #TOPIC}, through the outbox, keyed by partner id ("network" for a rule
 * that applies to every partner).
 */
@ApplicationScoped
public class TargetsEvents {

    public static final String TOPIC = "targets.events";
    public static final String NETWORK_KEY = "network";

    /**
     * A target was set, or a period rule added or withdrawn: effective targets may have changed. Who did it is kept
     * with the target's history and the rule, not here: an event carries no personal data.
     */
    public record TargetAdjusted(String cause, UUID partnerId, UUID shopId, ProductLine productLine, Integer year,
            Integer unitsBefore, Integer unitsAfter, UUID ruleId, String ruleType, LocalDate from, LocalDate to,
            BigDecimal percent, String reason, Instant at) {
    }

    /** A partner's sales reached a share (50, 100 %) of its annual effective target. */
    public record MilestoneReached(UUID partnerId, ProductLine productLine, int year, int percent, long soldUnits,
            BigDecimal effectiveTarget, Instant at) {
    }

    /** A partner's pace status for a year and product line changed. */
    public record PaceStatusChanged(UUID partnerId, ProductLine productLine, int year, String previousStatus,
            String status, BigDecimal paceRatio, Instant at) {
    }

    private final Outbox outbox;

    public TargetsEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void targetAdjusted(TargetAdjusted event) {
        outbox.publish(TOPIC, "PartnerTargets", event.partnerId() == null ? NETWORK_KEY : event.partnerId().toString(),
                "TargetAdjusted", 1, event);
    }

    public void milestoneReached(MilestoneReached event) {
        outbox.publish(TOPIC, "PartnerTargets", event.partnerId().toString(), "MilestoneReached", 1, event);
    }

    public void paceStatusChanged(PaceStatusChanged event) {
        outbox.publish(TOPIC, "PartnerTargets", event.partnerId().toString(), "PaceStatusChanged", 1, event);
    }
}
