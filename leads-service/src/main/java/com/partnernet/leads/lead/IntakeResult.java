package com.partnernet.leads.lead;

/** A lead after intake, and whether this request created it (false: the same source and external id came before). */
public record IntakeResult(LeadView lead, boolean created) {
}
