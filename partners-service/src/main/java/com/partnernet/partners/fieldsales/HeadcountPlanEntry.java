package com.partnernet.partners.fieldsales;

import java.time.YearMonth;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** One month of a team's headcount plan, as sent and answered. */
public record HeadcountPlanEntry(@NotNull YearMonth month, @NotNull @PositiveOrZero @Max(10_000) Integer headcount) {
}
