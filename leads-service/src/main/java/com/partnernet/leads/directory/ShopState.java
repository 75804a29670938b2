package com.partnernet.leads.directory;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The payload of every event on partners.shop-events, as this service reads it: the shop's full state. */
public record ShopState(
        @NotNull UUID shopId,
        @NotNull UUID partnerId,
        @NotBlank String name,
        @NotBlank String postalCode,
        String city,
        double latitude,
        double longitude,
        @NotBlank String status,
        @PositiveOrZero long version) {
}
