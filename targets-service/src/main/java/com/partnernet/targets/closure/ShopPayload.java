package com.partnernet.targets.closure;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The part of a Shop event's payload (the shop's full state) this service reads. */
public record ShopPayload(
        @NotNull UUID shopId,
        @NotNull UUID partnerId,
        @NotBlank String status,
        @NotNull Instant statusSince,
        String statusReason,
        @PositiveOrZero long version) {
}
