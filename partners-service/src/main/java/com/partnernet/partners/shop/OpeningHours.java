package com.partnernet.partners.shop;

import java.time.DayOfWeek;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnore;

import com.partnernet.chassis.web.ReportedOn;

/** One opening interval of a weekday (a day may have two, e.g. around a lunch break). */
@Embeddable
public record OpeningHours(
        @NotNull @Enumerated(EnumType.STRING) @Column(name = "day_of_week", nullable = false) DayOfWeek day,
        @NotNull @Column(nullable = false) LocalTime opens,
        @NotNull @Column(nullable = false) LocalTime closes) {

    @JsonIgnore
    @AssertTrue(message = "closes must be after opens")
    @ReportedOn("closes")
    public boolean isIntervalValid() {
        return opens == null || closes == null || closes.isAfter(opens);
    }
}
