package com.partnernet.partners.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a client sends to register a partner. */
public record PartnerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull PartnerType type) {
}
