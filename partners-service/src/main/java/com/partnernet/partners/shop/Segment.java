package com.partnernet.partners.shop;

/** Customer segments a shop serves. */
public enum Segment {
    CONSUMER,
    BUSINESS
}
