package com.partnernet.partners.fieldsales;

/** Where a field rep came from: transferred from the operator's internal employment company, or hired outside. */
public enum RepSource {
    INTERNAL_POOL,
    EXTERNAL
}
