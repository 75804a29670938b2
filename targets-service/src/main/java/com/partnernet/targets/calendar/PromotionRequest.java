package com.partnernet.targets.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jetbrains.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.partnernet.chassis.web.ReportedOn;
import com.partnernet.targets.annualtarget.ProductLine;

/** A promotion for the calendar; {@code uplift} 0.5 makes its days weigh 1.5 times as much. */
public record PromotionRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull LocalDate from,
        @NotNull LocalDate to,
        @Nullable DayOfWeek dayOfWeek,
        @NotNull @DecimalMin(value = "-0.99") @DecimalMax("10") Double uplift,
        @Nullable Set<@NotNull ProductLine> productLines) {

    @JsonIgnore
    @AssertTrue(message = "to must not be before from")
    @ReportedOn("to")
    public boolean isRangeValid() {
        return from == null || to == null || !to.isBefore(from);
    }
}
