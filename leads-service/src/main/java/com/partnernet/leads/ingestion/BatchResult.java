package com.partnernet.leads.ingestion;

import java.util.List;
import java.util.UUID;

import org.jetbrains.annotations.Nullable;

import com.partnernet.chassis.web.Problem;

/** What a batch did, item by item: good leads are stored, bad ones listed with their violations. */
public record BatchResult(int received, int created, int existing, int rejected, List<Item> items) {

    /**
     * One item, by its position in the batch (from 0), with the id of its lead when stored or known; like a single
     * submission's receipt, nothing of what became of the lead.
     */
    public record Item(int index, IntakeOutcome outcome, @Nullable UUID leadId, List<Problem.Violation> violations) {
    }

    static BatchResult of(List<Item> items) {
        return new BatchResult(items.size(), count(items, IntakeOutcome.CREATED), count(items, IntakeOutcome.EXISTING),
                count(items, IntakeOutcome.REJECTED), List.copyOf(items));
    }

    private static int count(List<Item> items, IntakeOutcome outcome) {
        return (int) items.stream().filter(item -> item.outcome() == outcome).count();
    }
}
