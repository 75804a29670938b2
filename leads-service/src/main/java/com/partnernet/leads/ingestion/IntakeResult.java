package com.partnernet.leads.ingestion;

import java.util.List;
import java.util.Objects;

import com.partnernet.chassis.web.Problem;
import com.partnernet.leads.lead.LeadView;

/**
 * What intake made of one lead.
 *
 * @param lead the stored lead (CREATED, EXISTING); null when REJECTED
 * @param violations why it was REJECTED; empty otherwise
 */
public record IntakeResult(IntakeOutcome outcome, LeadView lead, List<Problem.Violation> violations) {

    public IntakeResult {
        Objects.requireNonNull(outcome);
        violations = List.copyOf(violations);
    }

    static IntakeResult created(LeadView lead) {
        return new IntakeResult(IntakeOutcome.CREATED, lead, List.of());
    }

    static IntakeResult existing(LeadView lead) {
        return new IntakeResult(IntakeOutcome.EXISTING, lead, List.of());
    }

    static IntakeResult rejected(List<Problem.Violation> violations) {
        return new IntakeResult(IntakeOutcome.REJECTED, null, violations);
    }
}
