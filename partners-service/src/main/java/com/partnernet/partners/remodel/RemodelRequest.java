package com.partnernet.partners.remodel;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.jetbrains.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;

import com.partnernet.chassis.web.ReportedOn;

/** Plan (or re-plan) a remodel; {@code closesShop} defaults to true. */
public record RemodelRequest(@NotNull LocalDate plannedStart, @NotNull LocalDate plannedEnd, @Nullable Boolean closesShop) {

    @JsonIgnore
    @AssertTrue(message = "plannedEnd must not be before plannedStart")
    @ReportedOn("plannedEnd")
    public boolean isPeriodValid() {
        return plannedStart == null || plannedEnd == null || !plannedEnd.isBefore(plannedStart);
    }
}
