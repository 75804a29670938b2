package com.partnernet.leads.consent;

import java.time.Instant;

import org.jetbrains.annotations.Nullable;

import com.partnernet.leads.vocabulary.ProductLine;

public record ConsentView(String purpose, String recipient, ProductLine productLine, boolean granted, @Nullable Instant grantedAt,
        String source, @Nullable Instant expiresAt) {

    public static ConsentView of(LeadConsent consent) {
        return new ConsentView(consent.purpose, consent.recipient, consent.productLine, consent.granted, consent.grantedAt,
                consent.source, consent.expiresAt);
    }
}
