package com.partnernet.leads.directory;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The payload of a FieldTeam event on partners.shop-events: the team's full state. */
public record TeamPayload(
        @NotNull UUID teamId,
        @NotNull UUID partnerId,
        @NotBlank String name,
        @NotBlank String city,
        @NotNull LocalDate liveFrom,
        @NotNull Set<String> postalCoverage,
        @NotNull Set<String> productFocus,
        @PositiveOrZero int weeklyLeadCapacity,
        @NotBlank String status,
        @PositiveOrZero long version) {
}
