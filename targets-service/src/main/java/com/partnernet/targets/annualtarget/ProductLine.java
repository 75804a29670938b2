package com.partnernet.targets.annualtarget;

/** The operator's product lines a lead can be about. */
public enum ProductLine {
    MOBILE,
    BROADBAND,
    TV,
    HOME_NETWORKING,
    BUSINESS_SOLUTIONS
}
