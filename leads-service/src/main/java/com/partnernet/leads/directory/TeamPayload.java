package com.partnernet.leads.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.partnernet.leads.businesstime.OpeningInterval;

/**
 * The payload of a FieldTeam event on partners.shop-events: the team's full state. Its id is {@code id}; events
 * published before that name was settled call it {@code teamId} (the topic is compacted, so they stay).
 */
public record TeamPayload(
        @NotNull @JsonAlias("teamId") UUID id,
        @NotNull UUID partnerId,
        @NotBlank String name,
        @NotBlank String city,
        @NotNull LocalDate liveFrom,
        @NotNull Set<String> postalCoverage,
        @NotNull Set<String> productFocus,
        @PositiveOrZero int weeklyLeadCapacity,
        List<OpeningInterval> workingHours,
        String email,
        @NotBlank String status,
        @PositiveOrZero long version) {
}
