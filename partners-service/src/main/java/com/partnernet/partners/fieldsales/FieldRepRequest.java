package com.partnernet.partners.fieldsales;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jetbrains.annotations.Nullable;

import com.partnernet.partners.shop.ProductLine;

/** A rep joining a team; without a product focus the rep promotes what the team promotes. */
public record FieldRepRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 50) @Nullable String employeeNumber,
        @NotNull RepSource source,
        @NotNull LocalDate startDate,
        @Nullable Set<@NotNull ProductLine> productFocus) {
}
