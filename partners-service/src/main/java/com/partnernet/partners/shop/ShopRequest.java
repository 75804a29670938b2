package com.partnernet.partners.shop;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.jetbrains.annotations.Nullable;

/** What a client sends to open a shop or to change its details (status changes have their own commands). */
public record ShopRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String street,
        @NotNull @Pattern(regexp = "\\d{5}", message = "must be a German postal code of 5 digits") String postalCode,
        @NotBlank @Size(max = 100) String city,
        @NotNull @Pattern(regexp = "DE-(BW|BY|BE|BB|HB|HH|HE|MV|NI|NW|RP|SL|SN|ST|SH|TH)",
                message = "must be a German federal state as ISO 3166-2 code, e.g. DE-NW") String state,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull StoreFormat format,
        @NotEmpty Set<@NotNull Segment> segments,
        @NotEmpty Set<@NotNull ProductLine> productLines,
        @Size(max = 500) @Nullable Set<@NotNull @Pattern(regexp = "\\d{1,5}", message = "must be a postal code or prefix of 1 to 5 digits") String> catchment,
        @NotNull @PositiveOrZero @Max(10_000) Integer weeklyLeadCapacity,
        @Size(max = 21) @Nullable List<@NotNull @Valid OpeningHours> openingHours,
        @Email @Size(max = 254) @Nullable String email) {
}
