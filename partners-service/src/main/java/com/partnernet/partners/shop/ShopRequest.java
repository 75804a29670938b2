package com.partnernet.partners.shop;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a client sends to open or update a shop. */
public record ShopRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "\\d{5}", message = "must be a German postal code of 5 digits") String postalCode,
        @NotBlank @Size(max = 100) String city,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
}
