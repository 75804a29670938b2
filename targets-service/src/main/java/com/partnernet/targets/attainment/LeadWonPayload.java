package com.partnernet.targets.attainment;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import com.partnernet.targets.annualtarget.ProductLine;

/** The payload of a LeadWon event on leads.events, as this service reads it. */
public record LeadWonPayload(
        @NotNull UUID leadId,
        UUID shopId,
        @NotNull UUID partnerId,
        @NotNull ProductLine productLine,
        @NotNull Instant at) {
}
