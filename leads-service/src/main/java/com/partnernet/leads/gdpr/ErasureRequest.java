package com.partnernet.leads.gdpr;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a lead's personal data is erased (e.g. the customer's request of a date); who asks is the caller's token. */
public record ErasureRequest(@NotBlank @Size(max = 500) String reason) {
}
