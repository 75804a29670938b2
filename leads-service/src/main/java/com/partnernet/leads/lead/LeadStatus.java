package com.partnernet.leads.lead;

import java.util.EnumSet;
import java.util.Set;

/** Where a lead stands. A shop works an assigned lead from NEW through CONTACTED to WON or LOST. */
public enum LeadStatus {
    /** No consent to be contacted: stored with minimal data, never routed. */
    REJECTED_NO_CONSENT,
    /** No open shop could take it. */
    UNROUTED,
    NEW,
    CONTACTED,
    WON,
    LOST;

    /** The statuses a shop may move a lead to from this one. */
    public Set<LeadStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(CONTACTED, WON, LOST);
            case CONTACTED -> EnumSet.of(WON, LOST);
            default -> EnumSet.noneOf(LeadStatus.class);
        };
    }
}
