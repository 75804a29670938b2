package com.partnernet.leads.consent;

import java.time.Instant;

import com.partnernet.leads.vocabulary.ProductLine;

public record ConsentView(String purpose, String recipient, ProductLine productLine, boolean granted, Instant grantedAt,
        String source, Instant expiresAt) {

    public static ConsentView of(LeadConsent consent) {
        return new ConsentView(consent.purpose, consent.recipient, consent.productLine, consent.granted, consent.grantedAt,
                consent.source, consent.expiresAt);
    }
}
