package com.partnernet.partners.excellence;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.jetbrains.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;

import com.partnernet.chassis.web.ReportedOn;

/** A day with customers: when, where (a shop or a field team, exactly one) and what was learnt. */
public record CustomerDayRequest(
        @NotNull @PastOrPresent LocalDate date,
        @Nullable UUID shopId,
        @Nullable UUID fieldTeamId,
        @Size(max = 2000) @Nullable String notes) {

    @JsonIgnore
    @AssertTrue(message = "name either a shopId or a fieldTeamId, not both")
    @ReportedOn("shopId")
    public boolean isOnePlaceVisited() {
        return (shopId == null) != (fieldTeamId == null);
    }
}
