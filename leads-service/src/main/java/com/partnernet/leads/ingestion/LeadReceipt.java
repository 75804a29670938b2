package com.partnernet.leads.ingestion;

import java.util.UUID;

/**
 * What a submitter learns of its lead: the id, and whether this request stored it or it was known already. Nothing of
 * what became of it: routing, status and shop belong to the pipeline, which marketing systems may not read.
 */
public record LeadReceipt(UUID id, String source, String externalId, IntakeOutcome outcome) {

    static LeadReceipt of(IntakeResult result) {
        return new LeadReceipt(result.lead().id(), result.lead().source(), result.lead().externalId(), result.outcome());
    }
}
