package com.partnernet.leads.gdpr;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who asks to erase a lead's personal data, and why (e.g. the customer's request of a date). */
public record ErasureRequest(@NotBlank @Size(max = 200) String requestedBy, @NotBlank @Size(max = 500) String reason) {
}
