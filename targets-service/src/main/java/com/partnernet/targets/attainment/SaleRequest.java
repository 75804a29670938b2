package com.partnernet.targets.attainment;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jetbrains.annotations.Nullable;

import com.partnernet.targets.annualtarget.ProductLine;

/** A shop sale recorded by a partner's system (also sales that did not come from a lead). */
public record SaleRequest(
        @NotBlank @Size(max = 200) String externalSaleId,
        @NotNull UUID partnerId,
        @Nullable UUID shopId,
        @NotNull ProductLine productLine,
        @NotNull Instant soldAt,
        @Min(1) @Max(1000) @Nullable Integer units) {
}
