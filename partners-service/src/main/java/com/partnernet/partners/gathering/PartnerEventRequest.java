package com.partnernet.partners.gathering;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.jetbrains.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.partnernet.chassis.time.Timestamps;
import com.partnernet.chassis.web.ReportedOn;

/** What a client sends to announce an event or change it; maxAttendeesPerPartner defaults to 10. */
public record PartnerEventRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull LocalDate date,
        @NotBlank @Size(max = 200) String venue,
        @NotBlank @Size(max = 100) String city,
        @NotNull @PositiveOrZero @Max(100_000) Integer capacity,
        @Min(1) @Max(100) @Nullable Integer maxAttendeesPerPartner,
        @NotNull Instant registrationClosesAt) {

    /** Events take place in Germany: the deadline is compared with the end of the event day there. */
    @JsonIgnore
    @AssertTrue(message = "registrationClosesAt must not be after the event day")
    @ReportedOn("registrationClosesAt")
    public boolean isDeadlineBeforeEventEnds() {
        return date == null || registrationClosesAt == null
                || !registrationClosesAt.isAfter(date.plusDays(1).atStartOfDay(Timestamps.BUSINESS_ZONE).toInstant());
    }
}
