package com.partnernet.leads.ingestion;

import java.util.List;
import java.util.UUID;

import com.partnernet.chassis.web.Problem;

/** What a batch did, item by item: good leads are stored, bad ones listed with their violations. */
public record BatchResult(int received, int created, int existing, int rejected, List<Item> items) {

    public enum Outcome {
        CREATED,
        EXISTING,
        REJECTED
    }

    /**
     * One item, by its position in the batch (from 0), with the id of its lead when stored or known; like a single
     * submission's receipt, nothing of what became of the lead.
     */
    public record Item(int index, Outcome outcome, UUID leadId, List<Problem.Violation> violations) {
    }
}
