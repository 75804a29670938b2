package com.partnernet.partners.fieldsales;

/** ACTIVE from formation (routable once its live-from date has come); DISBANDED is final. */
public enum FieldTeamStatus {
    ACTIVE,
    DISBANDED
}
