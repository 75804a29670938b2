package com.partnernet.leads.directory;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.partnernet.leads.businesstime.OpeningInterval;

/**
 * The payload of a Shop event on partners.shop-events, as this service reads it: the shop's full state. Its id is
 * {@code id}; events published before that name was settled call it {@code shopId} (the topic is compacted, so they
 * stay).
 */
public record ShopPayload(
        @NotNull @JsonAlias("shopId") UUID id,
        @NotNull UUID partnerId,
        @NotBlank String name,
        @NotBlank String postalCode,
        String city,
        String state,
        double latitude,
        double longitude,
        @NotBlank String status,
        String format,
        Set<String> segments,
        Set<String> productLines,
        Set<String> catchment,
        @PositiveOrZero int weeklyLeadCapacity,
        List<OpeningInterval> openingHours,
        String email,
        @PositiveOrZero long version) {
}
