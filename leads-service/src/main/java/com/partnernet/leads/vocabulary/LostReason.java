package com.partnernet.leads.vocabulary;

/** Why a lead was lost, from the list sales managers evaluate. */
public enum LostReason {
    NOT_REACHABLE,
    NO_INTEREST,
    TOO_EXPENSIVE,
    CHOSE_COMPETITOR,
    NOT_ELIGIBLE,
    ALREADY_CUSTOMER,
    OTHER,
    /** The customer's personal data was erased while the lead was open: nobody can contact them any more. */
    PERSONAL_DATA_ERASED
}
