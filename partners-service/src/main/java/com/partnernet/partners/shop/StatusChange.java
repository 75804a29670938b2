package com.partnernet.partners.shop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a shop closes (temporarily or for good). */
public record StatusChange(@NotBlank @Size(max = 500) String reason) {
}
