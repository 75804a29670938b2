package com.partnernet.leads.vocabulary;

/** Customer segments a campaign (and a lead) belongs to. */
public enum Segment {
    CONSUMER,
    BUSINESS
}
