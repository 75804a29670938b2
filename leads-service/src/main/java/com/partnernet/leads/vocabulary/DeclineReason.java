package com.partnernet.leads.vocabulary;

/** Why a shop (or field team) declines a lead it was given. */
public enum DeclineReason {
    NOT_OUR_AREA,
    PRODUCT_NOT_OFFERED,
    NO_CAPACITY,
    ALREADY_CUSTOMER,
    /** Not a real enquiry: the lead is closed as REJECTED_AS_SPAM, not routed again. */
    SPAM_OR_FAKE,
    /** Says why in its note. */
    OTHER
}
