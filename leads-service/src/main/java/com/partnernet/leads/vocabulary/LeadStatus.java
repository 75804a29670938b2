package com.partnernet.leads.vocabulary;

import java.util.EnumSet;
import java.util.Set;

/** Where a lead stands. A shop works an assigned lead NEW → CONTACTED → APPOINTMENT → WON or LOST. */
public enum LeadStatus {
    /** No consent to be contacted: stored with minimal data, never routed. */
    REJECTED_NO_CONSENT,
    /** The same person asked about the same product line recently: linked to that open lead, not assigned again. */
    DUPLICATE,
    /** No shop or field team could take it: waits in the ops queue. */
    UNROUTED,
    NEW,
    CONTACTED,
    APPOINTMENT,
    WON,
    LOST;

    /** Being worked by a shop or team. */
    public static final Set<LeadStatus> OPEN = EnumSet.of(NEW, CONTACTED, APPOINTMENT);
    /** The stages of a pipeline, in order. */
    public static final Set<LeadStatus> PIPELINE = EnumSet.of(NEW, CONTACTED, APPOINTMENT, WON, LOST);

    /**
     * The statuses a shop may move a lead to from this one. Moves only go forward; a sale on the first call may skip
     * the stages in between.
     */
    public Set<LeadStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(CONTACTED, APPOINTMENT, WON, LOST);
            case CONTACTED -> EnumSet.of(APPOINTMENT, WON, LOST);
            case APPOINTMENT -> EnumSet.of(WON, LOST);
            default -> EnumSet.noneOf(LeadStatus.class);
        };
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
