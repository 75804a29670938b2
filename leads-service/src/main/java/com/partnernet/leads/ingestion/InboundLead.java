package com.partnernet.leads.ingestion;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jetbrains.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.partnernet.leads.vocabulary.Segment;
import com.partnernet.leads.vocabulary.ProductLine;

/**
 * A lead as marketing systems publish it on leads.inbound or post it to {@code /leads} (their contract, documented
 * in README): one JSON object, keyed {@code source:externalId} on Kafka. The checks that need the database (known
 * campaign) or a phone-number library are {@link LeadCheck}'s; both paths run both.
 */
public record InboundLead(
        @NotBlank @Size(max = 100) String source,
        @NotBlank @Size(max = 200) String externalId,
        @NotBlank @Size(max = 100) String campaign,
        @NotNull ProductLine productLine,
        @Nullable Segment segment,
        @NotNull @Pattern(regexp = "\\d{5}", message = "must be a German postal code of 5 digits") String postalCode,
        @DecimalMin("-90") @DecimalMax("90") @Nullable Double latitude,
        @DecimalMin("-180") @DecimalMax("180") @Nullable Double longitude,
        @Nullable UUID shopId,
        @Size(max = 2000) @Nullable String message,
        @NotNull @Valid Contact contact,
        @NotNull @Valid Consent consent) {

    public record Contact(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 254) @Nullable String email,
            @Size(max = 32) @Nullable String phone) {

        @JsonIgnore
        @AssertTrue(message = "needs an e-mail address or a phone number")
        public boolean isReachable() {
            return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
        }
    }

    /**
     * The customer's consent to be contacted by the assigned partner shop about this lead's product line: whether,
     * since when and until when (default: the configured validity).
     */
    public record Consent(@NotNull Boolean granted, @Nullable Instant grantedAt, @Nullable Instant expiresAt) {
    }
}
