package com.partnernet.partners.fieldsales;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.jetbrains.annotations.Nullable;

import com.partnernet.partners.shop.OpeningHours;
import com.partnernet.partners.shop.ProductLine;

/** What a client sends to form a field team or change it. */
public record FieldTeamRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String city,
        @NotNull LocalDate liveFrom,
        @NotEmpty @Size(max = 500) Set<@NotNull @Pattern(regexp = "\\d{1,5}", message = "must be a postal code or prefix of 1 to 5 digits") String> postalCoverage,
        @NotEmpty Set<@NotNull ProductLine> productFocus,
        @Size(max = 200) @Nullable String campaign,
        @NotNull @PositiveOrZero @Max(10_000) Integer weeklyLeadCapacity,
        @Size(max = 21) @Nullable List<@NotNull @Valid OpeningHours> workingHours,
        @Email @Size(max = 254) @Nullable String email) {
}
