package com.partnernet.partners.footfall;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/** One row of a footfall upload (a JSON array element or a CSV line with the columns shopId, week, visitors). */
public record FootfallRow(
        @NotNull UUID shopId,
        @NotNull @Pattern(regexp = IsoWeek.PATTERN, message = "must be an ISO week like 2021-W07") String week,
        @NotNull @PositiveOrZero @Max(1_000_000) Integer visitors) {
}
