package com.partnernet.targets.target;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The annual number of units a partner is to sell in one product line. */
public record TargetRequest(@NotNull @PositiveOrZero @Max(10_000_000) Integer units) {
}
