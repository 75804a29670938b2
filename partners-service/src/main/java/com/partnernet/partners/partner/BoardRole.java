package com.partnernet.partners.partner;

/** A partner's role on the dealer advisory board. */
public enum BoardRole {
    CHAIR,
    VICE_CHAIR,
    MEMBER
}
