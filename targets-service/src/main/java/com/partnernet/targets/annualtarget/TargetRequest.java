package com.partnernet.targets.annualtarget;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.jetbrains.annotations.Nullable;

/** The annual number of units to sell in one product line, and who sets it why (kept in the history). */
public record TargetRequest(
        @NotNull @PositiveOrZero @Max(10_000_000) Integer units,
        @Size(max = 500) @Nullable String reason) {
}
