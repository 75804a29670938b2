package com.partnernet.partners.shop;

/** The shop's store design; remodels turn CLASSIC shops into NEW_FORMAT. */
public enum StoreFormat {
    CLASSIC,
    NEW_FORMAT
}
