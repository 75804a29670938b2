package com.partnernet.leads.lead;

import java.util.UUID;

import com.partnernet.leads.ingestion.BatchResult;

/**
 * What a submitter learns of its lead: the id, and whether this request stored it or it was known already. Nothing of
 * what became of it: routing, status and shop belong to the pipeline, which marketing systems may not read.
 */
public record LeadReceipt(UUID id, String source, String externalId, BatchResult.Outcome outcome) {

    static LeadReceipt of(IntakeResult result) {
        return new LeadReceipt(result.lead().id(), result.lead().source(), result.lead().externalId(),
                result.created() ? BatchResult.Outcome.CREATED : BatchResult.Outcome.EXISTING);
    }
}
