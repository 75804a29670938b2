package com.partnernet.leads.lead;

import jakarta.validation.constraints.NotNull;

/** A shop's move of a lead in its pipeline. */
public record StatusChange(@NotNull LeadStatus status) {
}
