package com.partnernet.leads.ingestion;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.partnernet.leads.lead.ProductLine;

/**
 * A lead as marketing systems publish it on leads.inbound (their contract, documented in README): one JSON object
 * per record, keyed {@code source:externalId}.
 */
public record InboundLead(
        @NotBlank @Size(max = 100) String source,
        @NotBlank @Size(max = 200) String externalId,
        @NotBlank @Size(max = 200) String campaign,
        @NotNull ProductLine productLine,
        @NotNull @Pattern(regexp = "\\d{5}", message = "must be a German postal code of 5 digits") String postalCode,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotNull @Valid Contact contact,
        @NotNull @Valid Consent consent) {

    public record Contact(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+?[0-9 ()/-]{6,20}", message = "must be a phone number") String phone) {

        @AssertTrue(message = "needs an e-mail address or a phone number")
        public boolean isReachable() {
            return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
        }
    }

    /** The customer's consent to be contacted by the partner shop about this lead's product line. */
    public record Consent(@NotNull Boolean granted, Instant grantedAt) {
    }
}
