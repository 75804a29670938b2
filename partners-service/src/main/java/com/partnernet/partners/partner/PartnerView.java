package com.partnernet.partners.partner;

import java.time.Instant;
import java.util.UUID;

/** A partner as the API shows it. */
public record PartnerView(UUID id, String name, PartnerType type, Instant createdAt) {

    static PartnerView of(Partner partner) {
        return new PartnerView(partner.id, partner.name, partner.type, partner.createdAt);
    }
}
