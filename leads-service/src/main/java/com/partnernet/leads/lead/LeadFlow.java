package com.partnernet.leads.lead;

import java.time.Instant;
import java.util.List;

import org.jetbrains.annotations.Nullable;

/**
 * Leads received per minute over a recent window, by what became of them so far, and the ops queue now: what a live
 * view of a campaign's intake plots.
 *
 * @param minutes oldest first, one per minute of the window (minutes without leads included, all zero)
 * @param unroutedQueue leads waiting for ops now (of the campaign, if one was named), whenever they arrived
 */
public record LeadFlow(Instant from, Instant to, @Nullable String campaign, List<Minute> minutes, long unroutedQueue) {

    /**
     * @param routed assigned to a shop or field team (whatever stage they reached since)
     * @param unrouted waiting in the ops queue
     * @param rejected stored without routing: no consent, or a duplicate of an open lead
     */
    public record Minute(Instant minute, long received, long routed, long unrouted, long rejected) {
    }
}
