package com.partnernet.partners.excellence;

/** Whether an executive has spent the year's quota of days with customers yet. */
public enum QuotaStanding {
    MET,
    NOT_MET
}
