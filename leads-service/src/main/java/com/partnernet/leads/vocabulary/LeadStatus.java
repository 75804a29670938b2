package com.partnernet.leads.vocabulary;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a lead stands. A shop works an assigned lead NEW → (ACCEPTED →) CONTACTED → APPOINTMENT → WON or LOST, or
 * declines a NEW one (it goes to the next shop, or is REJECTED_AS_SPAM).
 */
public enum LeadStatus {
    /** No consent to be contacted: stored with minimal data, never routed. */
    REJECTED_NO_CONSENT,
    /** The same person asked about the same product line recently: linked to that open lead, not assigned again. */
    DUPLICATE,
    /** No shop or field team could take it: waits in the ops queue. */
    UNROUTED,
    NEW,
    /** The shop took it on; the first contact is still due. */
    ACCEPTED,
    CONTACTED,
    APPOINTMENT,
    WON,
    LOST,
    /** Declined by its shop as spam or fake: closed, never routed again; ops review these. */
    REJECTED_AS_SPAM;

    /** Being worked by a shop or team. */
    public static final Set<LeadStatus> OPEN = EnumSet.of(NEW, ACCEPTED, CONTACTED, APPOINTMENT);
    /** Assigned and not contacted yet: the first-contact SLA runs. */
    public static final Set<LeadStatus> AWAITING_FIRST_CONTACT = EnumSet.of(NEW, ACCEPTED);
    /** The stages of a pipeline, in order. */
    public static final Set<LeadStatus> PIPELINE = EnumSet.of(NEW, ACCEPTED, CONTACTED, APPOINTMENT, WON, LOST);

    /**
     * The statuses a shop may move a lead to from this one. Moves only go forward; a sale on the first call may skip
     * the stages in between.
     */
    public Set<LeadStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ACCEPTED, CONTACTED, APPOINTMENT, WON, LOST);
            case ACCEPTED -> EnumSet.of(CONTACTED, APPOINTMENT, WON, LOST);
            case CONTACTED -> EnumSet.of(APPOINTMENT, WON, LOST);
            case APPOINTMENT -> EnumSet.of(WON, LOST);
            default -> EnumSet.noneOf(LeadStatus.class);
        };
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    public boolean awaitsFirstContact() {
        return AWAITING_FIRST_CONTACT.contains(this);
    }
}
