package com.partnernet.leads.ingestion;

/** What intake did with one submitted lead. */
public enum IntakeOutcome {
    /** Stored now (and routed, unless it had no consent or repeats an open lead). */
    CREATED,
    /** The same source and external id came before: answered with the stored lead, nothing changed. */
    EXISTING,
    /** Not a valid lead: nothing stored; its violations say why. */
    REJECTED
}
