package com.partnernet.partners.partner;

public enum PartnerStatus {
    ACTIVE,
    SUSPENDED,
    TERMINATED
}
