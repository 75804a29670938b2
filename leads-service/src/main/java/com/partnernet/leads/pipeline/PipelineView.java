package com.partnernet.leads.pipeline;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.partnernet.leads.lead.LeadStatus;
import com.partnernet.leads.lead.LeadView;

/** A shop's pipeline: how many leads per stage, and the leads, newest first. */
public record PipelineView(UUID shopId, String shopName, UUID partnerId, Map<LeadStatus, Long> stages, List<LeadView> leads) {
}
