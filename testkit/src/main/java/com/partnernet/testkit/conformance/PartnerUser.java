package com.partnernet.testkit.conformance;

/** What a partner user may do at an endpoint. */
public enum PartnerUser {
    /** Nothing: 403. */
    DENIED,
    /** Network-wide data every partner may see (a calendar, the partner events): no 401, 403 or 404. */
    ALLOWED,
    /** Its own partner's resource only: partner A's user passes, partner B's user gets 404 as for no resource. */
    OWN,
    /** A list: each partner user gets 200 with its own partner's items only. */
    FILTERED
}
