package com.partnernet.leads.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

/** Every routing decision made for a lead, oldest first, each with its trail. */
public record RoutingTrailView(UUID leadId, List<Decision> decisions) {

    public record Decision(Instant decidedAt, RoutingDecision.Cause cause, RoutingDecision.Outcome outcome, @Nullable UUID shopId,
            @Nullable UUID teamId, String reason, List<TrailEntry> trail) {

        static Decision of(RoutingDecision decision) {
            return new Decision(decision.decidedAt, decision.cause, decision.outcome, decision.shopId, decision.teamId,
                    decision.reason, decision.trail);
        }
    }

    public static RoutingTrailView of(UUID leadId, List<RoutingDecision> decisions) {
        return new RoutingTrailView(leadId, decisions.stream().map(Decision::of).toList());
    }
}
