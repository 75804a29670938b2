package com.partnernet.partners.partner;

/** The partner programme tier, for partners that have one. */
public enum PartnerTier {
    PLATINUM,
    GOLD,
    SILVER,
    BRONZE
}
