package com.partnernet.leads.pipeline;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnernet.leads.vocabulary.LeadStatus;
import com.partnernet.leads.lead.LeadView;

/**
 * A shop's pipeline: leads per stage, how long the open ones have waited since they were assigned, how many are past
 * their first-contact time, and one page of its leads (newest first unless sorted otherwise).
 */
public record PipelineView(
        UUID shopId,
        String shopName,
        UUID partnerId,
        Map<LeadStatus, Long> stages,
        Map<LeadStatus, StageAge> ageing,
        Map<String, Long> openByAge,
        long overdueFirstContact,
        int page,
        int size,
        long totalItems,
        int totalPages,
        List<LeadView> items) {

    /** The open leads of one stage: how many, the average and the longest wait since assignment, in hours. */
    public record StageAge(long leads, double averageHours, double oldestHours) {
    }
}
