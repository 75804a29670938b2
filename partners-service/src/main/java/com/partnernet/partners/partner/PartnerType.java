package com.partnernet.partners.partner;

/** How a partner sells the operator's products. */
public enum PartnerType {
    RETAIL_PARTNER,
    DIRECT_SALES,
    BUSINESS_PARTNER
}
