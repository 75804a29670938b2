package com.partnernet.targets.closure;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * The part of a Shop event's payload (the shop's full state) this service reads. Its id is {@code id}; events
 * published before that name was settled call it {@code shopId} (the topic is compacted, so they stay).
 */
public record ShopPayload(
        @NotNull @JsonAlias("shopId") UUID id,
        @NotNull UUID partnerId,
        @NotBlank String status,
        @NotNull Instant statusSince,
        String statusReason,
        @PositiveOrZero long version) {
}
